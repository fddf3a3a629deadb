package dev.whiteboard.feedback.service;

import io.vertx.core.Context;

import java.util.concurrent.Executor;

/**
 * Runs tasks on one Vert.x context. Database work must resume there after a call that completes on another
 * thread (a Kafka send, a timer, a remote call), because the reactive session belongs to that context.
 */
public final class ContextExecutor implements Executor {
    private final Context context;

    private ContextExecutor(Context context) {
        this.context = context;
    }

    public static ContextExecutor of(Context context) {
        if (context == null) {
            throw new IllegalStateException("database work must start on a Vert.x context");
        }
        return new ContextExecutor(context);
    }

    @Override
    public void execute(Runnable task) {
        context.runOnContext(ignored -> task.run());
    }
}

package dev.whiteboard.e2e.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many scripted interviews at once with a fixed number of workers, paced so that they are still
 * running while a fault is injected; {@link #awaitCompleted} lets the test inject it part-way through.
 */
final class InterviewLoad implements AutoCloseable {
    private final ScriptedInterview interview;
    private final int interviews;
    private final Duration pause;
    private final ExecutorService workers;
    private final List<ScriptedInterview.Completed> completed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger next = new AtomicInteger();
    private final List<CountDownLatch> milestones = new ArrayList<>();
    private final CountDownLatch done;

    InterviewLoad(ScriptedInterview interview, int interviews, int concurrency, Duration pause) {
        this.interview = interview;
        this.interviews = interviews;
        this.pause = pause;
        this.workers = Executors.newFixedThreadPool(concurrency);
        this.done = new CountDownLatch(concurrency);
        for (int i = 0; i <= interviews; i++) {
            milestones.add(new CountDownLatch(i));
        }
    }

    InterviewLoad start(String candidatePrefix) {
        for (int w = 0; w < (int) done.getCount(); w++) {
            workers.execute(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < interviews; i = next.getAndIncrement()) {
                        runOne(candidatePrefix + "-" + i);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        return this;
    }

    private void runOne(String candidateRef) {
        try {
            completed.add(interview.run(candidateRef, pause));
        } catch (ScriptedInterview.StepFailed e) {
            failures.add(candidateRef + ": " + e.getMessage());
        }
        synchronized (milestones) {
            milestones.forEach(CountDownLatch::countDown);
        }
    }

    /** Waits until this many interviews have finished (completed or failed). */
    boolean awaitCompleted(int count, Duration timeout) throws InterruptedException {
        return milestones.get(Math.min(count, interviews)).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitAll(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<ScriptedInterview.Completed> completed() {
        return List.copyOf(completed);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

package dev.whiteboard.bench.estimation;

import dev.whiteboard.estimation.domain.Estimate;
import dev.whiteboard.estimation.domain.EstimateInputs;
import dev.whiteboard.estimation.domain.Estimator;
import dev.whiteboard.estimation.rest.EstimateRequestReader;
import dev.whiteboard.estimation.rest.EstimateResponse;
import dev.whiteboard.estimation.rest.EstimateResponseWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One estimate, on 1,000 different inputs in turn: the arithmetic alone, reading the JSON body alone, writing
 * the JSON answer alone, and the whole POST /estimates work of the service (read the JSON body, check,
 * compute, render, write the JSON answer).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EstimateBenchmark {
    private final Estimator estimator = new Estimator();
    private final EstimateRequestReader reader = new EstimateRequestReader();
    private final EstimateResponseWriter writer = new EstimateResponseWriter();
    private byte[][] bodies;
    private EstimateInputs[] inputs;
    private EstimateResponse[] responses;
    private int next;

    @Setup
    public void prepare() {
        List<String> generated = RequestBodies.generate(1000, 42);
        bodies = new byte[generated.size()][];
        inputs = new EstimateInputs[generated.size()];
        responses = new EstimateResponse[generated.size()];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = generated.get(i).getBytes(StandardCharsets.UTF_8);
            inputs[i] = reader.estimate(bodies[i]).toInputs();
            responses[i] = EstimateResponse.of(estimator.estimate(inputs[i]));
        }
    }

    @Benchmark
    public Estimate estimate() {
        next = next == inputs.length - 1 ? 0 : next + 1;
        return estimator.estimate(inputs[next]);
    }

    @Benchmark
    public EstimateInputs readRequest() {
        next = next == bodies.length - 1 ? 0 : next + 1;
        return reader.estimate(bodies[next]).toInputs();
    }

    @Benchmark
    public byte[] writeResponse() {
        next = next == responses.length - 1 ? 0 : next + 1;
        return writer.write(responses[next]);
    }

    @Benchmark
    public byte[] requestToResponseBytes() {
        next = next == bodies.length - 1 ? 0 : next + 1;
        return writer.write(EstimateResponse.of(estimator.estimate(reader.estimate(bodies[next]).toInputs())));
    }
}

import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { describe, it } from "node:test";
import { policyViolations } from "../lib/policy.mjs";
import { deployDir, formatViolation, overlayDirs, render } from "../lib/render.mjs";
import { healthPaths, loadServices, managementPort, metricsPath, parseProperties } from "../lib/services.mjs";

const services = loadServices();
const dev = render(join(deployDir, "overlays/dev"));
const configMaps = dev.filter((o) => o.kind === "ConfigMap");

const copyOf = (kind, name) => structuredClone(dev.find((o) => o.kind === kind && o.metadata.name === name));
const containerOf = (workload) => workload.spec.template.spec.containers[0];
/** The violations of one broken workload, checked beside the render's ConfigMaps. */
const check = (...objects) => policyViolations([...configMaps, ...objects], services).map(formatViolation).sort();

describe("the services' catalogue", () => {
  it("reads each service's port and health paths from its module", () => {
    const summary = [...services.values()].map((s) => `${s.name} ${s.port} ${s.servesHealth} ${Object.values(s.health).join(" ")}`);
    assert.deepEqual(summary, [
      "session-service 8081 true /q/health/ready /q/health/live /q/health/started",
      "estimation-service 8082 true /q/health/ready /q/health/live /q/health/started",
      "feedback-service 8083 true /q/health/ready /q/health/live /q/health/started",
    ]);
  });

  it("follows moved health roots the way Quarkus nests them", () => {
    const moved = healthPaths(parseProperties("quarkus.http.root-path=/api\nquarkus.smallrye-health.root-path=checks\nquarkus.smallrye-health.liveness-path=/alive\n"));
    assert.deepEqual(moved, { readinessProbe: "/api/q/checks/ready", livenessProbe: "/alive", startupProbe: "/api/q/checks/started" });
    const absolute = healthPaths(parseProperties("quarkus.http.non-application-root-path=/ops\n"));
    assert.equal(absolute.readinessProbe, "/ops/health/ready");
  });

  it("moves health and metrics to the management interface when it is enabled", () => {
    const properties = parseProperties("quarkus.http.root-path=/api\nquarkus.management.enabled=true\nquarkus.management.port=9100\n");
    assert.equal(managementPort(properties), 9100);
    assert.equal(healthPaths(properties).startupProbe, "/q/health/started");
    assert.equal(metricsPath(properties), "/q/metrics");
    assert.equal(managementPort(parseProperties("quarkus.http.port=8081\n")), undefined);
  });

  it("expects probes on the management port when a service serves health there", () => {
    const moved = new Map([...services].map(([name, s]) => [name, { ...s, managementPort: 9000 }]));
    const deployment = copyOf("Deployment", "estimation-service");
    const violations = policyViolations([...configMaps, deployment], moved).map(formatViolation);
    assert.equal(violations.length, 3);
    assert.ok(violations.every((r) => r.includes("[probe-port]") && r.endsWith("serves health on management port 9000")));
  });
});

describe("container policy on the rendered overlays", () => {
  for (const dir of overlayDirs()) {
    it(`${basename(dir)}: no violation`, () => {
      assert.deepEqual(policyViolations(render(dir), services).map(formatViolation), []);
    });
  }
});

describe("container policy rejects broken objects", () => {
  it("reports a missing probe", () => {
    const deployment = copyOf("Deployment", "session-service");
    delete containerOf(deployment).readinessProbe;
    assert.deepEqual(check(deployment), ["Deployment/session-service: [probes] container session-service: no readinessProbe"]);
  });

  it("reports a privileged container that may escalate", () => {
    const deployment = copyOf("Deployment", "estimation-service");
    Object.assign(containerOf(deployment).securityContext, { privileged: true, allowPrivilegeEscalation: true });
    assert.deepEqual(check(deployment), [
      "Deployment/estimation-service: [no-privilege-escalation] container estimation-service: allowPrivilegeEscalation is not false",
      "Deployment/estimation-service: [not-privileged] container estimation-service: runs privileged",
    ]);
  });

  it("reports probes at a path the service does not serve, or on another port", () => {
    const deployment = copyOf("Deployment", "feedback-service");
    containerOf(deployment).livenessProbe.httpGet.path = "/health";
    containerOf(deployment).readinessProbe.httpGet.port = 8080;
    assert.deepEqual(check(deployment), [
      "Deployment/feedback-service: [probe-path] container feedback-service: livenessProbe GETs /health, but feedback-service serves it at /q/health/live",
      "Deployment/feedback-service: [probe-port] container feedback-service: readinessProbe targets port 8080 (8080), but feedback-service listens on 8083",
    ]);
  });

  it("reports probes that stay on the old port when the configured HTTP port moves", () => {
    const deployment = copyOf("Deployment", "session-service");
    const config = structuredClone(configMaps.find((c) => c.data.QUARKUS_HTTP_PORT === "8081"));
    config.data.QUARKUS_HTTP_PORT = "9000";
    const violations = policyViolations([...configMaps.filter((c) => c.metadata.name !== config.metadata.name), config, deployment], services)
      .map(formatViolation).sort();
    assert.deepEqual(violations, [
      "Deployment/session-service: [probe-port] container session-service: livenessProbe targets port http (8081), but session-service listens on 9000",
      "Deployment/session-service: [probe-port] container session-service: readinessProbe targets port http (8081), but session-service listens on 9000",
      "Deployment/session-service: [probe-port] container session-service: startupProbe targets port http (8081), but session-service listens on 9000",
      "Deployment/session-service: [service-port] container session-service: containerPort \"http\" is 8081, but session-service listens on 9000",
    ]);
  });

  it("reports a probe that is not an HTTP health check", () => {
    const deployment = copyOf("Deployment", "session-service");
    containerOf(deployment).startupProbe = { tcpSocket: { port: "http" } };
    assert.deepEqual(check(deployment), [
      "Deployment/session-service: [probe-path] container session-service: startupProbe is not an HTTP GET of /q/health/started",
    ]);
  });

  it("reports a writable root filesystem without /tmp, missing limits, root user and no seccomp", () => {
    const deployment = copyOf("Deployment", "estimation-service");
    const container = containerOf(deployment);
    container.securityContext.readOnlyRootFilesystem = false;
    container.volumeMounts = [];
    delete container.resources.limits;
    delete container.securityContext.runAsNonRoot;
    delete deployment.spec.template.spec.securityContext.runAsNonRoot;
    delete container.securityContext.seccompProfile;
    delete deployment.spec.template.spec.securityContext.seccompProfile;
    container.securityContext.capabilities = { add: ["NET_ADMIN"] };
    const rules = check(deployment).map((line) => line.match(/\[(.+?)\]/)[1]).sort();
    assert.deepEqual(rules, [
      "drop-all-capabilities", "drop-all-capabilities", "read-only-root-filesystem", "resources", "resources",
      "run-as-non-root", "seccomp-runtime-default", "tmp-emptydir",
    ]);
  });

  it("applies to infrastructure containers and Jobs too", () => {
    const postgres = copyOf("StatefulSet", "whiteboard-postgres");
    delete containerOf(postgres).livenessProbe;
    containerOf(postgres).image = "docker.io/library/postgres:latest";
    postgres.spec.template.spec.hostNetwork = true;
    const job = copyOf("Job", "whiteboard-kafka-topics");
    delete containerOf(job).securityContext;
    assert.deepEqual(check(postgres), [
      "StatefulSet/whiteboard-postgres: [host-namespaces] pod sets hostNetwork",
      "StatefulSet/whiteboard-postgres: [image-pinned] container postgres: image docker.io/library/postgres:latest has no tag or digest other than latest",
      "StatefulSet/whiteboard-postgres: [probes] container postgres: no livenessProbe",
    ]);
    assert.deepEqual(check(job).map((line) => line.match(/\[(.+?)\]/)[1]).sort(), [
      "drop-all-capabilities", "no-privilege-escalation", "read-only-root-filesystem",
    ]);
  });

  it("reports a Secret that carries values, and secret-looking config outside Secrets", () => {
    const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "whiteboard-shared" }, stringData: { "key-pepper": "dev" } };
    const config = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "leaky" }, data: { WB_KEY_PEPPER: "x" } };
    const deployment = copyOf("Deployment", "session-service");
    containerOf(deployment).env.find((e) => e.name === "WB_POSTGRES_PASSWORD").valueFrom = undefined;
    containerOf(deployment).env.find((e) => e.name === "WB_POSTGRES_PASSWORD").value = "postgres";
    assert.deepEqual(check(secret, config, deployment), [
      "ConfigMap/leaky: [secret-in-configmap] key WB_KEY_PEPPER looks secret; it belongs in a Secret",
      "Deployment/session-service: [secret-from-secret-ref] container session-service: env WB_POSTGRES_PASSWORD looks secret but is not read from a Secret (secretKeyRef)",
      "Secret/whiteboard-shared: [secret-literal] carries literal values (key-pepper); Secrets are created outside git and only referenced",
    ]);
  });

  it("reports a service that misses configuration it reads or gets a secret it does not read", () => {
    const session = copyOf("Deployment", "session-service");
    containerOf(session).env = containerOf(session).env.filter((e) => e.name !== "WB_KAFKA_BOOTSTRAP");
    const estimation = copyOf("Deployment", "estimation-service");
    containerOf(estimation).env.push({ name: "WB_OPERATOR_SECRET", valueFrom: { secretKeyRef: { name: "whiteboard-operator", key: "operator-secret" } } });
    assert.deepEqual(check(session, estimation), [
      "Deployment/estimation-service: [secret-least-privilege] container estimation-service: receives secret env WB_OPERATOR_SECRET, which estimation-service does not read",
      "Deployment/session-service: [service-env] container session-service: does not set WB_KAFKA_BOOTSTRAP, which session-service reads",
    ]);
  });

  it("reports configuration read from a ConfigMap key the render does not have", () => {
    const deployment = copyOf("Deployment", "feedback-service");
    const ref = containerOf(deployment).env.find((e) => e.name === "WB_SESSION_URL").valueFrom.configMapKeyRef;
    ref.key = "WB_SESSION_ULR";
    assert.deepEqual(check(deployment), [
      `Deployment/feedback-service: [config-ref] container feedback-service: env WB_SESSION_URL reads ConfigMap ${ref.name} key WB_SESSION_ULR, which is not in the render`,
    ]);
  });
});

import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { describe, it } from "node:test";
import { deployDir, formatViolation, overlayDirs, render } from "../lib/render.mjs";
import { schemaViolations } from "../lib/schema.mjs";

const dev = render(join(deployDir, "overlays/dev"));
const prod = render(join(deployDir, "overlays/prod"));
const find = (objects, kind, name) => structuredClone(objects.find((o) => o.kind === kind && o.metadata.name === name));

const rulesOf = (violations) => violations.map((v) => v.rule);

describe("schema validation of the rendered overlays", () => {
  for (const dir of overlayDirs()) {
    it(`${basename(dir)}: every object matches its schema and has no unknown field`, () => {
      const violations = render(dir).flatMap(schemaViolations);
      assert.deepEqual(violations.map(formatViolation), []);
    });
  }

  it("knows the operators' kinds the prod overlay uses", () => {
    const kinds = new Set(prod.map((o) => o.kind));
    for (const kind of ["Cluster", "Database", "Kafka", "KafkaNodePool", "KafkaTopic", "ServiceMonitor"]) {
      assert.ok(kinds.has(kind), `prod renders no ${kind}`);
    }
  });
});

describe("schema validation rejects broken objects", () => {
  it("reports an unknown field in a container, naming object, rule and path", () => {
    const deployment = find(dev, "Deployment", "session-service");
    deployment.spec.template.spec.containers[0].imagee = "ghcr.io/whiteboard/session-service:1.0.0";
    const violations = schemaViolations(deployment);
    assert.deepEqual(violations.map(formatViolation), [
      "Deployment/session-service: [unknown-field] spec.template.spec.containers[0].imagee is not a field of apps/v1 Deployment",
    ]);
  });

  it("reports unknown fields at any depth, also in a securityContext", () => {
    const deployment = find(dev, "Deployment", "feedback-service");
    deployment.spec.template.spec.restartPolicyy = "Always";
    deployment.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem = true;
    deployment.metadata.lables = { a: "b" };
    const paths = schemaViolations(deployment).filter((v) => v.rule === "unknown-field").map((v) => v.message.split(" ")[0]);
    assert.deepEqual(paths.sort(), [
      "metadata.lables",
      "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem",
      "spec.template.spec.restartPolicyy",
    ]);
  });

  it("reports unknown fields in the operators' resources", () => {
    const kafka = find(prod, "Kafka", "whiteboard-kafka");
    kafka.spec.kafka.listeners[0].tlss = false;
    const topic = find(prod, "KafkaTopic", "session-events");
    topic.spec.partitionz = 6;
    const cluster = find(prod, "Cluster", "whiteboard-pg");
    cluster.spec.instancez = 3;
    const monitor = find(prod, "ServiceMonitor", "whiteboard");
    monitor.spec.endpoints[0].paths = "/q/metrics";
    assert.match(schemaViolations(kafka).map(formatViolation).join("\n"), /Kafka\/whiteboard-kafka: \[unknown-field\] spec\.kafka\.listeners\[0\]\.tlss/);
    assert.match(schemaViolations(topic).map(formatViolation).join("\n"), /KafkaTopic\/session-events: \[unknown-field\] spec\.partitionz/);
    assert.match(schemaViolations(cluster).map(formatViolation).join("\n"), /Cluster\/whiteboard-pg: \[unknown-field\] spec\.instancez/);
    assert.match(schemaViolations(monitor).map(formatViolation).join("\n"), /ServiceMonitor\/whiteboard: \[unknown-field\] spec\.endpoints\[0\]\.paths/);
  });

  it("accepts any key where the schema is a map or free-form", () => {
    const kafka = find(prod, "Kafka", "whiteboard-kafka");
    kafka.spec.kafka.config["log.retention.hours"] = 72;
    kafka.metadata.labels["team.example.com/owner"] = "platform";
    assert.deepEqual(schemaViolations(kafka), []);
  });

  it("reports wrong types, missing required fields and bad enum values", () => {
    const deployment = find(dev, "Deployment", "estimation-service");
    deployment.spec.replicas = "two";
    delete deployment.spec.template.spec.containers[0].name;
    deployment.spec.template.spec.containers[0].imagePullPolicy = "Sometimes";
    const messages = schemaViolations(deployment).map(formatViolation).join("\n");
    assert.ok(rulesOf(schemaViolations(deployment)).every((rule) => rule === "schema"));
    assert.match(messages, /Deployment\/estimation-service: \[schema\] spec\.replicas must be integer/);
    assert.match(messages, /spec\.template\.spec\.containers\[0\] must have required property name/);
    assert.match(messages, /spec\.template\.spec\.containers\[0\]\.imagePullPolicy must be equal to one of the allowed values/);
  });

  it("reports a missing required field of a CRD", () => {
    const nodePool = find(prod, "KafkaNodePool", "combined");
    delete nodePool.spec.roles;
    assert.match(schemaViolations(nodePool).map(formatViolation).join("\n"), /KafkaNodePool\/combined: \[schema\] spec must have required property roles/);
  });

  it("reports a kind it has no schema for", () => {
    const violations = schemaViolations({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } });
    assert.deepEqual(violations.map(formatViolation), ["Widget/w: [schema-known] no schema for apiVersion example.com/v1 kind Widget"]);
  });
});

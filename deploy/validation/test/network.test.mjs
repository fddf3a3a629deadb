import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { flowAllowed, namespacedPod, workloadPods } from "../lib/network.mjs";
import { deployDir, render } from "../lib/render.mjs";

const ingressController = namespacedPod("ingress-nginx", { "app.kubernetes.io/name": "ingress-nginx" });
const prometheus = namespacedPod("monitoring", { "app.kubernetes.io/name": "prometheus" });
const dns = namespacedPod("kube-system", { "k8s-app": "kube-dns" });
const stranger = namespacedPod("elsewhere", { app: "stranger" });
const publicHttps = { ip: "203.0.113.10" };
const privateHttps = { ip: "10.1.2.3" };

const ports = { session: 8081, estimation: 8082, feedback: 8083, postgres: 5432, kafka: 9092, redis: 6379 };

/** Asserts each [from, to, port] flow is allowed (or denied), listing every mismatch at once. */
function expectFlows(objects, pods, flows, allowed) {
  const wrong = flows
    .filter(([from, to, port, protocol]) => flowAllowed(objects, pods[from], pods[to], port, protocol) !== allowed)
    .map(([from, to, port]) => `${from} -> ${to}:${port}`);
  assert.deepEqual(wrong, [], `expected ${allowed ? "allowed" : "denied"}`);
}

/** The flows the architecture needs, in both overlays. */
const requiredFlows = [
  ["ingress", "session", ports.session], ["ingress", "estimation", ports.estimation], ["ingress", "feedback", ports.feedback],
  ["feedback", "session", ports.session], ["feedback", "estimation", ports.estimation],
  ["session", "postgres", ports.postgres], ["feedback", "postgres", ports.postgres],
  ["session", "kafka", ports.kafka], ["feedback", "kafka", ports.kafka],
  ["session", "redis", ports.redis], ["estimation", "redis", ports.redis], ["feedback", "redis", ports.redis],
  ["session", "dns", 53, "UDP"], ["estimation", "dns", 53, "UDP"], ["feedback", "dns", 53, "UDP"], ["feedback", "dns", 53, "TCP"],
  ["feedback", "public", 443],
];

/** Flows nothing needs, in both overlays. */
const forbiddenFlows = [
  ["ingress", "postgres", ports.postgres], ["ingress", "kafka", ports.kafka], ["ingress", "session", 9000],
  ["session", "estimation", ports.estimation], ["session", "feedback", ports.feedback],
  ["estimation", "session", ports.session], ["estimation", "feedback", ports.feedback],
  ["feedback", "session", 5005],
  ["estimation", "postgres", ports.postgres], ["estimation", "kafka", ports.kafka],
  ["stranger", "session", ports.session], ["stranger", "postgres", ports.postgres],
  ["session", "public", 443], ["feedback", "private", 443], ["feedback", "public", 80],
  ["session", "stranger", 8080],
];

describe("network flows in the dev overlay", () => {
  const objects = render(join(deployDir, "overlays/dev"));
  const workloads = workloadPods(objects);
  const pods = {
    ingress: ingressController, prometheus, dns, stranger, public: publicHttps, private: privateHttps,
    session: workloads.get("session-service"), estimation: workloads.get("estimation-service"), feedback: workloads.get("feedback-service"),
    postgres: workloads.get("whiteboard-postgres"), kafka: workloads.get("whiteboard-kafka"), redis: workloads.get("whiteboard-redis"),
    topics: workloads.get("whiteboard-kafka-topics"), debug: namespacedPod("whiteboard-dev", { app: "debug" }),
  };

  it("allows every flow the architecture needs", () => {
    expectFlows(objects, pods, [...requiredFlows, ["topics", "kafka", ports.kafka], ["postgres", "dns", 53, "UDP"]], true);
  });

  it("denies every other flow, also from an unlabelled pod of the namespace", () => {
    expectFlows(objects, pods, [
      ...forbiddenFlows,
      ["debug", "session", ports.session], ["debug", "postgres", ports.postgres], ["debug", "redis", ports.redis],
      ["topics", "postgres", ports.postgres], ["postgres", "public", 443], ["redis", "kafka", ports.kafka],
      ["prometheus", "session", ports.session],
    ], false);
  });
});

describe("network flows in the prod overlay", () => {
  const objects = render(join(deployDir, "overlays/prod"));
  const namespace = objects.find((o) => o.kind === "Namespace").metadata.name;
  const workloads = workloadPods(objects);
  const cluster = objects.find((o) => o.kind === "Cluster");
  const kafka = objects.find((o) => o.kind === "Kafka");
  const pool = objects.find((o) => o.kind === "KafkaNodePool");
  const redisPolicy = objects.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === "redis-external");
  const [redisBase] = redisPolicy.spec.egress[0].to[0].ipBlock.cidr.split("/");

  // The pods the operators create, with the labels they put on them.
  const postgres = namespacedPod(namespace, {
    ...cluster.spec.inheritedMetadata.labels, "cnpg.io/cluster": cluster.metadata.name, "cnpg.io/instanceRole": "primary",
  });
  const broker = namespacedPod(namespace, {
    ...pool.spec.template.pod.metadata.labels, "strimzi.io/cluster": kafka.metadata.name, "strimzi.io/kind": "Kafka",
    "strimzi.io/pool-name": pool.metadata.name, "strimzi.io/broker-role": "true",
  });
  // Strimzi generates the listeners' ingress policy from networkPolicyPeers; model it the same way.
  const listenerPolicy = {
    kind: "NetworkPolicy",
    metadata: { name: `${kafka.metadata.name}-network-policy-kafka`, namespace },
    spec: {
      podSelector: { matchLabels: { "strimzi.io/cluster": kafka.metadata.name, "strimzi.io/kind": "Kafka" } },
      policyTypes: ["Ingress"],
      ingress: kafka.spec.kafka.listeners.map((l) => ({ from: l.networkPolicyPeers, ports: [{ protocol: "TCP", port: l.port }] })),
    },
  };
  const withOperators = [...objects, listenerPolicy];
  const pods = {
    ingress: ingressController, prometheus, dns, stranger, public: publicHttps, private: privateHttps,
    session: workloads.get("session-service"), estimation: workloads.get("estimation-service"), feedback: workloads.get("feedback-service"),
    postgres, kafka: broker, redis: { ip: redisBase.replace(/\d+$/, (n) => String(Number(n) + 1)) },
    beyondRedis: { ip: redisBase.replace(/\d+$/, "200") },
  };

  it("allows every flow the architecture needs, and Prometheus scraping", () => {
    expectFlows(withOperators, pods, [
      ...requiredFlows,
      ["prometheus", "session", ports.session], ["prometheus", "estimation", ports.estimation], ["prometheus", "feedback", ports.feedback],
      ["postgres", "postgres", ports.postgres],
    ], true);
  });

  it("denies every other flow", () => {
    expectFlows(withOperators, pods, [
      ...forbiddenFlows, ["prometheus", "postgres", ports.postgres], ["stranger", "kafka", ports.kafka],
      ["session", "redis", 6380], ["estimation", "beyondRedis", ports.redis],
    ], false);
  });
});

describe("the NetworkPolicy evaluator", () => {
  const web = namespacedPod("app", { role: "web" }, { http: 8080 });
  const db = namespacedPod("app", { role: "db" }, { pg: 5432 });
  const policy = (name, spec) => ({ kind: "NetworkPolicy", metadata: { name, namespace: "app" }, spec });
  const denyAll = policy("deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });

  it("allows everything without policies and nothing under a default deny", () => {
    assert.equal(flowAllowed([], web, db, 5432), true);
    assert.equal(flowAllowed([denyAll], web, db, 5432), false);
  });

  it("needs both the source's egress and the destination's ingress", () => {
    const egress = policy("web-out", { podSelector: { matchLabels: { role: "web" } }, policyTypes: ["Egress"], egress: [{ to: [{ podSelector: { matchLabels: { role: "db" } } }], ports: [{ port: "pg" }] }] });
    const ingress = policy("db-in", { podSelector: { matchLabels: { role: "db" } }, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: "role", operator: "In", values: ["web"] }] } }] }] });
    assert.equal(flowAllowed([denyAll, egress], web, db, 5432), false);
    assert.equal(flowAllowed([denyAll, egress, ingress], web, db, 5432), true);
    assert.equal(flowAllowed([denyAll, egress, ingress], web, db, 5433), false);
  });

  it("reads namespaceSelector and podSelector in one peer as AND", () => {
    const ingress = policy("web-in", {
      podSelector: { matchLabels: { role: "web" } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "edge" } }, podSelector: { matchLabels: { app: "proxy" } } }] }],
    });
    assert.equal(flowAllowed([ingress], namespacedPod("edge", { app: "proxy" }), web, 8080), true);
    assert.equal(flowAllowed([ingress], namespacedPod("edge", { app: "other" }), web, 8080), false);
    assert.equal(flowAllowed([ingress], namespacedPod("app", { app: "proxy" }), web, 8080), false);
  });

  it("honours ipBlock exceptions", () => {
    const egress = policy("out", { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8"] } }] }] });
    assert.equal(flowAllowed([egress], web, { ip: "198.51.100.7" }, 443), true);
    assert.equal(flowAllowed([egress], web, { ip: "10.200.0.1" }, 443), false);
  });
});

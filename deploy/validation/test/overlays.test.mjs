import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { matchesSelector } from "../lib/network.mjs";
import { deployDir, overlayDirs, render } from "../lib/render.mjs";
import { documentedSecrets, referencedSecrets, undocumented } from "../lib/secrets.mjs";
import { loadServices } from "../lib/services.mjs";

const services = loadServices();
const serviceNames = [...services.keys()];
const dev = render(join(deployDir, "overlays/dev"));
const prod = render(join(deployDir, "overlays/prod"));

const all = (objects, kind) => objects.filter((o) => o.kind === kind);
const one = (objects, kind, name) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  assert.ok(found, `${kind}/${name} is not in the render`);
  return found;
};
const podLabels = (workload) => workload.spec.template.metadata.labels;
const mainContainer = (objects, name) => one(objects, "Deployment", name).spec.template.spec.containers[0];

/** The value a Deployment's container gets for an env var: literal or from a rendered ConfigMap. */
function envValue(objects, deployment, name) {
  const env = mainContainer(objects, deployment).env.find((e) => e.name === name);
  assert.ok(env, `${deployment} does not set ${name}`);
  if (env.value !== undefined) {
    return env.value;
  }
  const ref = env.valueFrom.configMapKeyRef;
  assert.ok(ref, `${deployment}: ${name} is not from a ConfigMap`);
  return one(objects, "ConfigMap", ref.name).data[ref.key];
}

const secretRefOf = (objects, deployment, name) =>
  mainContainer(objects, deployment).env.find((e) => e.name === name).valueFrom.secretKeyRef;

/** The Service named host and the workload behind it, checking that it exposes port. */
function serviceBehind(objects, host, port) {
  const service = one(objects, "Service", host);
  assert.ok(service.spec.ports.some((p) => p.port === port), `Service/${host} has no port ${port}`);
  const backends = objects.filter((o) => o.spec?.template?.metadata?.labels && matchesSelector({ matchLabels: service.spec.selector }, podLabels(o)));
  assert.equal(backends.length, 1, `Service/${host} selects ${backends.length} workloads`);
  return backends[0];
}

function topicCommands(job) {
  const script = job.spec.template.spec.containers[0].args.join("\n").replace(/\s*\\\n\s*/g, " ");
  return Object.fromEntries([...script.matchAll(/--create --if-not-exists --topic (\S+) --partitions (\d+)/g)].map((m) => [m[1], Number(m[2])]));
}

const expectedTopics = { "whiteboard.session-events": 6, "whiteboard.session-events.dlq": 1 };

describe("both overlays", () => {
  for (const dir of overlayDirs()) {
    const objects = render(dir);
    const name = basename(dir);

    it(`${name}: runs each service behind a ClusterIP Service that reaches its HTTP port`, () => {
      for (const service of services.values()) {
        const svc = one(objects, "Service", service.name);
        assert.equal(svc.spec.type ?? "ClusterIP", "ClusterIP");
        const workload = serviceBehind(objects, service.name, service.port);
        assert.equal(workload.metadata.name, service.name);
        const http = svc.spec.ports.find((p) => p.name === "http");
        const container = mainContainer(objects, service.name);
        assert.equal(container.ports.find((p) => p.name === http.targetPort)?.containerPort, service.port);
        assert.equal(one(objects, "ServiceAccount", service.name).automountServiceAccountToken, false);
      }
    });

    it(`${name}: routes the public API over TLS to the services, keeping /admin, /internal and /q inside`, () => {
      const [ingress] = all(objects, "Ingress");
      const tlsHosts = ingress.spec.tls.flatMap((t) => t.hosts);
      assert.ok(ingress.spec.tls.every((t) => t.secretName));
      const routed = new Set();
      for (const rule of ingress.spec.rules) {
        assert.ok(tlsHosts.includes(rule.host), `${rule.host} has no TLS`);
        for (const path of rule.http.paths) {
          assert.doesNotMatch(path.path, /^\/(admin|internal|q)(\/|$)/);
          const backend = one(objects, "Service", path.backend.service.name);
          assert.ok(backend.spec.ports.some((p) => p.name === path.backend.service.port.name));
          routed.add(backend.metadata.name);
        }
      }
      assert.deepEqual([...routed].sort(), [...serviceNames].sort());
    });

    it(`${name}: takes the services' images from the one list in base/kustomization.yaml`, () => {
      const base = parse(readFileSync(join(deployDir, "base/kustomization.yaml"), "utf8"));
      const tags = new Map(base.images.map((i) => [i.name, i.newTag]));
      for (const service of serviceNames) {
        const image = mainContainer(objects, service).image;
        const repository = `ghcr.io/whiteboard/${service}`;
        assert.equal(image, `${repository}:${tags.get(repository)}`);
      }
      assert.equal(new Set(tags.values()).size, 1, "the three services ship with one version");
    });

    it(`${name}: points feedback-service at session-service and estimation-service`, () => {
      for (const [variable, target] of [["WB_SESSION_URL", "session-service"], ["WB_ESTIMATION_URL", "estimation-service"]]) {
        const url = new URL(envValue(objects, "feedback-service", variable));
        assert.equal(url.hostname, target);
        serviceBehind(objects, url.hostname, Number(url.port));
        assert.equal(Number(url.port), services.get(target).port);
      }
    });

    it(`${name}: gives each service its own database`, () => {
      assert.equal(envValue(objects, "session-service", "WB_POSTGRES_DATABASE"), "whiteboard_session");
      assert.equal(envValue(objects, "feedback-service", "WB_POSTGRES_DATABASE"), "whiteboard_feedback");
      assert.notEqual(secretRefOf(objects, "session-service", "WB_POSTGRES_USER").name, secretRefOf(objects, "feedback-service", "WB_POSTGRES_USER").name);
      assert.equal(envValue(objects, "session-service", "WB_LOG_JSON"), "true");
    });
  }
});

describe("dev overlay", () => {
  it("runs one replica of each service", () => {
    assert.deepEqual(serviceNames.map((s) => one(dev, "Deployment", s).spec.replicas), [1, 1, 1]);
  });

  it("runs PostgreSQL, Kafka and Redis where the services' addresses point", () => {
    const postgres = serviceBehind(dev, envValue(dev, "session-service", "WB_POSTGRES_HOST"), Number(envValue(dev, "session-service", "WB_POSTGRES_PORT")));
    assert.equal(podLabels(postgres)["whiteboard.dev/backend"], "postgresql");
    const [kafkaHost, kafkaPort] = envValue(dev, "feedback-service", "WB_KAFKA_BOOTSTRAP").split(":");
    const kafka = serviceBehind(dev, kafkaHost, Number(kafkaPort));
    assert.equal(podLabels(kafka)["whiteboard.dev/backend"], "kafka");
    const script = readFileSync(join(deployDir, "overlays/dev/create-secrets.sh"), "utf8");
    const [, redisHost, redisPort] = script.match(/url="redis:\/\/:\$\{redis_password\}@([a-z0-9-]+):(\d+)"/);
    const redis = serviceBehind(dev, redisHost, Number(redisPort));
    assert.equal(podLabels(redis)["whiteboard.dev/backend"], "redis");
  });

  it("runs a single-node KRaft Kafka that advertises the bootstrap address", () => {
    const properties = one(dev, "ConfigMap", "whiteboard-kafka").data["server.properties"];
    assert.match(properties, /^process\.roles=broker,controller$/m);
    assert.match(properties, /^auto\.create\.topics\.enable=false$/m);
    const advertised = properties.match(/^advertised\.listeners=PLAINTEXT:\/\/(\S+)$/m)[1];
    assert.equal(advertised, envValue(dev, "session-service", "WB_KAFKA_BOOTSTRAP"));
    assert.equal(one(dev, "StatefulSet", "whiteboard-kafka").spec.replicas, 1);
  });

  it("creates the topics with their partition counts", () => {
    assert.deepEqual(topicCommands(one(dev, "Job", "whiteboard-kafka-topics")), expectedTopics);
  });

  it("creates both databases, each owned by the role its service logs in with", () => {
    const script = one(dev, "ConfigMap", "whiteboard-postgres-init").data["10-whiteboard-databases.sh"];
    assert.match(script, /CREATE DATABASE whiteboard_session OWNER :"session_user";/);
    assert.match(script, /CREATE DATABASE whiteboard_feedback OWNER :"feedback_user";/);
    const postgresEnv = one(dev, "StatefulSet", "whiteboard-postgres").spec.template.spec.containers[0].env;
    const from = (name) => postgresEnv.find((e) => e.name === name).valueFrom.secretKeyRef;
    assert.deepEqual(from("WB_SESSION_DB_USER"), secretRefOf(dev, "session-service", "WB_POSTGRES_USER"));
    assert.deepEqual(from("WB_SESSION_DB_PASSWORD"), secretRefOf(dev, "session-service", "WB_POSTGRES_PASSWORD"));
    assert.deepEqual(from("WB_FEEDBACK_DB_USER"), secretRefOf(dev, "feedback-service", "WB_POSTGRES_USER"));
    assert.deepEqual(from("WB_FEEDBACK_DB_PASSWORD"), secretRefOf(dev, "feedback-service", "WB_POSTGRES_PASSWORD"));
  });

  it("references only Secrets that create-secrets.sh creates, with every key", () => {
    const script = readFileSync(join(deployDir, "overlays/dev/create-secrets.sh"), "utf8");
    assert.deepEqual(undocumented(referencedSecrets(dev), documentedSecrets(script)), []);
    assert.equal(all(dev, "Secret").length, 0);
  });
});

describe("prod overlay", () => {
  it("runs at least two replicas of each service, with a PodDisruptionBudget and an HPA", () => {
    for (const service of serviceNames) {
      const deployment = one(prod, "Deployment", service);
      assert.ok(deployment.spec.replicas >= 2, `${service}: ${deployment.spec.replicas} replicas`);
      const budgets = all(prod, "PodDisruptionBudget").filter((p) => matchesSelector(p.spec.selector, podLabels(deployment)));
      assert.equal(budgets.length, 1, `${service}: ${budgets.length} PDBs`);
      assert.ok(budgets[0].spec.maxUnavailable === 1 || budgets[0].spec.minAvailable < deployment.spec.replicas);
      const hpa = one(prod, "HorizontalPodAutoscaler", service);
      assert.deepEqual(hpa.spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: service });
      assert.ok(hpa.spec.minReplicas >= 2 && hpa.spec.maxReplicas > hpa.spec.minReplicas);
    }
    assert.ok(one(prod, "HorizontalPodAutoscaler", "feedback-service").spec.maxReplicas <= expectedTopics["whiteboard.session-events"]);
  });

  it("spreads each service's pods over zones and nodes", () => {
    for (const service of serviceNames) {
      const deployment = one(prod, "Deployment", service);
      const constraints = deployment.spec.template.spec.topologySpreadConstraints ?? [];
      assert.deepEqual(constraints.map((c) => c.topologyKey).sort(), ["kubernetes.io/hostname", "topology.kubernetes.io/zone"]);
      for (const constraint of constraints) {
        assert.ok(matchesSelector(constraint.labelSelector, podLabels(deployment)));
        assert.ok(constraint.matchLabelKeys.includes("app.kubernetes.io/name"), "spread per service, not across all three");
      }
    }
  });

  it("keeps PostgreSQL in a CloudNativePG cluster with one database and role per service", () => {
    const [cluster] = all(prod, "Cluster");
    assert.ok(cluster.spec.instances >= 3);
    assert.equal(envValue(prod, "session-service", "WB_POSTGRES_HOST"), `${cluster.metadata.name}-rw`);
    const roleSecret = (role) => cluster.spec.managed.roles.find((r) => r.name === role)?.passwordSecret.name;
    const initdb = cluster.spec.bootstrap.initdb;
    assert.equal(initdb.database, envValue(prod, "session-service", "WB_POSTGRES_DATABASE"));
    assert.equal(roleSecret(initdb.owner), secretRefOf(prod, "session-service", "WB_POSTGRES_USER").name);
    const [database] = all(prod, "Database");
    assert.equal(database.spec.cluster.name, cluster.metadata.name);
    assert.equal(database.spec.name, envValue(prod, "feedback-service", "WB_POSTGRES_DATABASE"));
    assert.equal(roleSecret(database.spec.owner), secretRefOf(prod, "feedback-service", "WB_POSTGRES_USER").name);
    assert.equal(cluster.spec.inheritedMetadata.labels["whiteboard.dev/backend"], "postgresql");
  });

  it("runs Kafka through Strimzi, bootstrapped where the services look, with the topics", () => {
    const [kafka] = all(prod, "Kafka");
    const name = kafka.metadata.name;
    const listener = kafka.spec.kafka.listeners.find((l) => l.type === "internal");
    assert.equal(envValue(prod, "feedback-service", "WB_KAFKA_BOOTSTRAP"), `${name}-kafka-bootstrap:${listener.port}`);
    assert.deepEqual(listener.networkPolicyPeers.map((p) => p.podSelector.matchLabels["app.kubernetes.io/name"]).sort(), ["feedback-service", "session-service"]);
    assert.equal(kafka.spec.kafka.config["auto.create.topics.enable"], false);
    const pools = all(prod, "KafkaNodePool").filter((p) => p.metadata.labels["strimzi.io/cluster"] === name);
    assert.deepEqual(pools.flatMap((p) => p.spec.roles).sort(), ["broker", "controller"]);
    assert.ok(pools.every((p) => p.spec.replicas >= 3 && p.spec.template.pod.metadata.labels["whiteboard.dev/backend"] === "kafka"));
    const topics = all(prod, "KafkaTopic");
    assert.ok(topics.every((t) => t.metadata.labels["strimzi.io/cluster"] === name));
    assert.deepEqual(Object.fromEntries(topics.map((t) => [t.spec.topicName, t.spec.partitions])), expectedTopics);
    assert.ok(topics.every((t) => t.spec.replicas >= 3 && t.spec.config["min.insync.replicas"] < t.spec.replicas));
  });

  it("uses a Redis outside the cluster", () => {
    assert.equal(prod.filter((o) => o.spec?.template?.metadata?.labels?.["whiteboard.dev/backend"] === "redis").length, 0);
    const policy = one(prod, "NetworkPolicy", "redis-external");
    assert.deepEqual(policy.spec.podSelector.matchExpressions[0].values.sort(), [...serviceNames].sort());
  });

  it("has Prometheus scrape each service's metrics endpoint", () => {
    const [monitor] = all(prod, "ServiceMonitor");
    for (const service of services.values()) {
      const svc = one(prod, "Service", service.name);
      assert.ok(matchesSelector(monitor.spec.selector, svc.metadata.labels), `ServiceMonitor misses ${service.name}`);
      for (const endpoint of monitor.spec.endpoints) {
        assert.ok(svc.spec.ports.some((p) => p.name === endpoint.port));
        assert.equal(endpoint.path, service.metricsPath);
      }
      assert.equal(svc.metadata.labels[monitor.spec.jobLabel], service.name, "job label is the service name the dashboard filters on");
    }
  });

  it("ships a Grafana dashboard with RED metrics per service and feedback-service's consumer lag", () => {
    const configMap = all(prod, "ConfigMap").find((c) => c.metadata.labels?.grafana_dashboard === "1");
    assert.ok(configMap, "no ConfigMap labelled grafana_dashboard=1");
    const dashboard = JSON.parse(Object.values(configMap.data)[0]);
    const variable = dashboard.templating.list.find((v) => v.name === "service");
    assert.deepEqual(variable.query.split(",").sort(), [...serviceNames].sort());
    const exprs = dashboard.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr);
    const has = (pattern) => exprs.some((e) => pattern.test(e));
    assert.ok(has(/sum by \(uri\) \(rate\(http_server_requests_seconds_count\{[^}]*job="\$service"/), "request rate by uri");
    assert.ok(has(/sum by \(uri, status\) \(rate\(http_server_requests_seconds_count\{[^}]*status=~"\[45\]\.\."/), "errors by uri and status");
    assert.ok(has(/histogram_quantile\(0\.95, sum by \(le, uri\) \(rate\(http_server_requests_seconds_bucket/), "p95 by uri");
    assert.ok(has(/rate\(http_server_requests_seconds_sum\{[^}]*\}\[\$__rate_interval\]\)\) \/ sum by \(uri\) \(rate\(http_server_requests_seconds_count/), "mean duration");
    assert.ok(has(/kafka_consumer_fetch_manager_records_lag_max\{[^}]*job="feedback-service"/), "consumer lag of feedback-service");
    const rowRepeat = dashboard.panels.find((p) => p.type === "row" && p.repeat === "service");
    assert.ok(rowRepeat, "RED panels repeat per service");
  });

  it("references only Secrets that the README's commands create, with every key", () => {
    const readme = readFileSync(join(deployDir, "README.md"), "utf8");
    const production = readme.slice(readme.indexOf("## Production"), readme.indexOf("## Scale"));
    assert.deepEqual(undocumented(referencedSecrets(prod), documentedSecrets(production)), []);
    assert.equal(all(prod, "Secret").length, 0);
  });
});

describe("secret bookkeeping", () => {
  it("finds keys a render needs that no command creates", () => {
    const referenced = referencedSecrets(dev);
    const documented = documentedSecrets("kubectl create secret generic whiteboard-shared --from-literal=key-pepper=x");
    const missing = undocumented(referenced, documented);
    assert.ok(missing.includes("whiteboard-shared: internal-token"));
    assert.ok(missing.includes("whiteboard-operator: (no command creates it)"));
    assert.ok(missing.includes("whiteboard-tls: (no command creates it)"));
  });
});

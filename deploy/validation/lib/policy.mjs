// Container and configuration policy over rendered objects. Every violation names the object
// (Kind/name), the rule and what is wrong.
import { objectName } from "./render.mjs";

const LONG_RUNNING = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]);
const PROBES = ["readinessProbe", "livenessProbe", "startupProbe"];
const SECRET_LIKE = /(PASSWORD|PASSWD|SECRET|TOKEN|PEPPER|PRIVATE.?KEY|CREDENTIAL|REDIS_URL)/i;

/** The pod template of a workload, or undefined for objects that run no pods. */
export function podSpecOf(object) {
  switch (object?.kind) {
    case "Pod":
      return object.spec;
    case "CronJob":
      return object.spec?.jobTemplate?.spec?.template?.spec;
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "ReplicaSet":
    case "Job":
      return object.spec?.template?.spec;
    default:
      return undefined;
  }
}

function configMapValue(configMaps, ref) {
  const configMap = configMaps.get(ref?.name);
  return configMap?.data?.[ref?.key];
}

/** The value an env var gets: a literal, or one read from a ConfigMap of the render. */
function envValue(container, name, configMaps) {
  for (const env of container.env ?? []) {
    if (env.name === name) {
      if (env.value !== undefined) {
        return env.value;
      }
      return configMapValue(configMaps, env.valueFrom?.configMapKeyRef);
    }
  }
  for (const source of container.envFrom ?? []) {
    const data = configMaps.get(source.configMapRef?.name)?.data ?? {};
    const prefix = source.prefix ?? "";
    for (const [k, v] of Object.entries(data)) {
      if (`${prefix}${k}` === name) {
        return v;
      }
    }
  }
  return undefined;
}

function resolvePort(container, port) {
  if (typeof port === "number") {
    return port;
  }
  if (/^\d+$/.test(String(port))) {
    return Number(port);
  }
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** What only a Whiteboard service's container must satisfy: its configuration, port and health probes. */
function serviceContainerViolations(container, service, configMaps, add) {
  const envNames = new Set((container.env ?? []).map((e) => e.name));
  for (const name of service.requiredEnv) {
    if (!envNames.has(name) && envValue(container, name, configMaps) === undefined) {
      add("service-env", `does not set ${name}, which ${service.name} reads`);
    }
  }
  for (const env of container.env ?? []) {
    if (env.valueFrom?.secretKeyRef && !service.requiredEnv.includes(env.name)) {
      add("secret-least-privilege", `receives secret env ${env.name}, which ${service.name} does not read`);
    }
  }
  if (!service.servesHealth) {
    add("probe-path", `${service.name} does not depend on quarkus-smallrye-health, so it serves no health endpoint`);
  }
  const configured = envValue(container, "QUARKUS_HTTP_PORT", configMaps);
  const listening = configured !== undefined ? Number(configured) : service.port;
  const http = container.ports?.find((p) => p.name === "http");
  if (http?.containerPort !== listening) {
    add("service-port", `containerPort "http" is ${http?.containerPort ?? "missing"}, but ${service.name} listens on ${listening}`);
  }
  const healthPort = service.managementPort ?? listening;
  const servesHealthOn = service.managementPort === undefined ? `listens on ${listening}` : `serves health on management port ${healthPort}`;
  for (const probe of PROBES) {
    const get = container[probe]?.httpGet;
    if (!container[probe]) {
      continue;
    }
    if (!get) {
      add("probe-path", `${probe} is not an HTTP GET of ${service.health[probe]}`);
      continue;
    }
    if (get.path !== service.health[probe]) {
      add("probe-path", `${probe} GETs ${get.path ?? "/"}, but ${service.name} serves it at ${service.health[probe]}`);
    }
    const port = resolvePort(container, get.port);
    if (port !== healthPort) {
      add("probe-port", `${probe} targets port ${get.port} (${port ?? "unresolved"}), but ${service.name} ${servesHealthOn}`);
    }
  }
}

function containerViolations(object, pod, container, context) {
  const { services, configMaps } = context;
  const found = [];
  const at = `container ${container.name}`;
  const add = (rule, message) => found.push({ object: objectName(object), rule, message: `${at}: ${message}` });

  const resources = container.resources ?? {};
  for (const kind of ["requests", "limits"]) {
    for (const resource of ["cpu", "memory"]) {
      if (resources[kind]?.[resource] === undefined) {
        add("resources", `no ${kind}.${resource}`);
      }
    }
  }

  const sc = container.securityContext ?? {};
  const podSc = pod.securityContext ?? {};
  if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) {
    add("run-as-non-root", "runAsNonRoot is not true");
  }
  if ((sc.runAsUser ?? podSc.runAsUser) === 0) {
    add("run-as-non-root", "runs as user 0");
  }
  if (sc.readOnlyRootFilesystem !== true) {
    add("read-only-root-filesystem", "readOnlyRootFilesystem is not true");
  }
  if (sc.allowPrivilegeEscalation !== false) {
    add("no-privilege-escalation", "allowPrivilegeEscalation is not false");
  }
  if (sc.privileged === true) {
    add("not-privileged", "runs privileged");
  }
  if (!(sc.capabilities?.drop ?? []).includes("ALL")) {
    add("drop-all-capabilities", "capabilities.drop does not contain ALL");
  }
  if ((sc.capabilities?.add ?? []).length > 0) {
    add("drop-all-capabilities", `adds capabilities ${sc.capabilities.add.join(", ")}`);
  }
  if ((sc.seccompProfile ?? podSc.seccompProfile)?.type !== "RuntimeDefault") {
    add("seccomp-runtime-default", "seccompProfile is not RuntimeDefault");
  }
  const tmp = (container.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
  const tmpVolume = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
  if (!tmpVolume?.emptyDir) {
    add("tmp-emptydir", "no emptyDir mounted at /tmp (the root filesystem is read-only)");
  }
  const image = String(container.image ?? "");
  if (!/@sha256:[0-9a-f]{64}$/.test(image) && (!/:[^/:]+$/.test(image) || image.endsWith(":latest"))) {
    add("image-pinned", `image ${image || "(none)"} has no tag or digest other than latest`);
  }

  for (const env of container.env ?? []) {
    if (SECRET_LIKE.test(env.name) && !env.valueFrom?.secretKeyRef) {
      add("secret-from-secret-ref", `env ${env.name} looks secret but is not read from a Secret (secretKeyRef)`);
    }
    const cmRef = env.valueFrom?.configMapKeyRef;
    if (cmRef && !cmRef.optional && configMapValue(configMaps, cmRef) === undefined) {
      add("config-ref", `env ${env.name} reads ConfigMap ${cmRef.name} key ${cmRef.key}, which is not in the render`);
    }
  }

  const service = services.get(container.name);
  if (service && context.regular) {
    serviceContainerViolations(container, service, configMaps, add);
  }

  if (context.regular && LONG_RUNNING.has(object.kind)) {
    for (const probe of PROBES) {
      if (!container[probe]) {
        add("probes", `no ${probe}`);
      }
    }
  }
  return found;
}

function workloadViolations(object, context) {
  const pod = podSpecOf(object);
  if (!pod) {
    return [];
  }
  const found = [];
  for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
    if (pod[field] === true) {
      found.push({ object: objectName(object), rule: "host-namespaces", message: `pod sets ${field}` });
    }
  }
  for (const container of pod.containers ?? []) {
    found.push(...containerViolations(object, pod, container, { ...context, regular: true }));
  }
  for (const container of pod.initContainers ?? []) {
    found.push(...containerViolations(object, pod, container, { ...context, regular: false }));
  }
  return found;
}

function secretViolations(object) {
  if (object.kind !== "Secret") {
    return [];
  }
  const keys = [...Object.keys(object.data ?? {}), ...Object.keys(object.stringData ?? {})];
  return keys.length === 0 ? [] : [{
    object: objectName(object),
    rule: "secret-literal",
    message: `carries literal values (${keys.join(", ")}); Secrets are created outside git and only referenced`,
  }];
}

function configMapViolations(object) {
  if (object.kind !== "ConfigMap") {
    return [];
  }
  return Object.keys(object.data ?? {})
    .filter((key) => SECRET_LIKE.test(key))
    .map((key) => ({ object: objectName(object), rule: "secret-in-configmap", message: `key ${key} looks secret; it belongs in a Secret` }));
}

/**
 * All policy violations in a rendered set of objects.
 * services: the catalogue from services.mjs (container name -> what that service serves).
 */
export function policyViolations(objects, services) {
  const configMaps = new Map(objects.filter((o) => o.kind === "ConfigMap").map((o) => [o.metadata?.name, o]));
  const context = { services, configMaps };
  return objects.flatMap((object) => [
    ...workloadViolations(object, context),
    ...secretViolations(object),
    ...configMapViolations(object),
  ]);
}

// A small evaluator of Kubernetes NetworkPolicy semantics, to check which flows the rendered
// policies allow: a connection needs the source's egress and the destination's ingress to allow it.
// A pod that no policy of a type selects is open for that type; once selected, only the union of
// the selecting policies' rules applies.
import { podSpecOf } from "./policy.mjs";

export function matchesSelector(selector, labels = {}) {
  if (!selector) {
    return true;
  }
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) {
      return false;
    }
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, key);
    const ok = {
      In: has && values.includes(labels[key]),
      NotIn: !has || !values.includes(labels[key]),
      Exists: has,
      DoesNotExist: !has,
    }[operator];
    if (!ok) {
      return false;
    }
  }
  return true;
}

function ipToNumber(ip) {
  return ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

function inCidr(ip, cidr) {
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToNumber(base) / size) * size;
  const n = ipToNumber(ip);
  return n >= start && n < start + size;
}

/**
 * An endpoint is a pod { namespace, namespaceLabels, labels, ports: { name: number } } or an
 * address outside the cluster { ip }.
 */
function peerMatches(peer, endpoint, policyNamespace) {
  if (peer.ipBlock) {
    return endpoint.ip !== undefined && inCidr(endpoint.ip, peer.ipBlock.cidr)
      && !(peer.ipBlock.except ?? []).some((cidr) => inCidr(endpoint.ip, cidr));
  }
  if (endpoint.ip !== undefined) {
    return false;
  }
  const namespaceOk = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, endpoint.namespaceLabels)
    : endpoint.namespace === policyNamespace;
  return namespaceOk && (!peer.podSelector || matchesSelector(peer.podSelector, endpoint.labels));
}

function portMatches(ports, port, protocol, destination) {
  if (!ports || ports.length === 0) {
    return true;
  }
  return ports.some((p) => {
    if ((p.protocol ?? "TCP") !== protocol) {
      return false;
    }
    if (p.port === undefined) {
      return true;
    }
    const number = typeof p.port === "number" ? p.port : destination.ports?.[p.port];
    return p.endPort !== undefined ? port >= number && port <= p.endPort : port === number;
  });
}

function policyTypes(policy) {
  return policy.spec.policyTypes ?? (policy.spec.egress ? ["Ingress", "Egress"] : ["Ingress"]);
}

function selecting(policies, pod, type) {
  return policies.filter((p) => (p.metadata.namespace ?? "default") === pod.namespace
    && policyTypes(p).includes(type)
    && matchesSelector(p.spec.podSelector, pod.labels));
}

function egressAllowed(policies, source, destination, port, protocol) {
  if (source.ip !== undefined) {
    return true;
  }
  const applying = selecting(policies, source, "Egress");
  if (applying.length === 0) {
    return true;
  }
  return applying.some((policy) => (policy.spec.egress ?? []).some((rule) =>
    (!rule.to || rule.to.length === 0 || rule.to.some((peer) => peerMatches(peer, destination, policy.metadata.namespace)))
    && portMatches(rule.ports, port, protocol, destination)));
}

function ingressAllowed(policies, source, destination, port, protocol) {
  if (destination.ip !== undefined) {
    return true;
  }
  const applying = selecting(policies, destination, "Ingress");
  if (applying.length === 0) {
    return true;
  }
  return applying.some((policy) => (policy.spec.ingress ?? []).some((rule) =>
    (!rule.from || rule.from.length === 0 || rule.from.some((peer) => peerMatches(peer, source, policy.metadata.namespace)))
    && portMatches(rule.ports, port, protocol, destination)));
}

/** Whether the NetworkPolicies among objects let source open a connection to destination:port. */
export function flowAllowed(objects, source, destination, port, protocol = "TCP") {
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  return egressAllowed(policies, source, destination, port, protocol)
    && ingressAllowed(policies, source, destination, port, protocol);
}

export function namespacedPod(namespace, labels, ports = {}) {
  return { namespace, namespaceLabels: { "kubernetes.io/metadata.name": namespace }, labels, ports };
}

/** The pods the workloads of a render create, keyed by workload name. */
export function workloadPods(objects) {
  const pods = new Map();
  for (const object of objects) {
    const spec = podSpecOf(object);
    if (!spec) {
      continue;
    }
    const template = object.kind === "CronJob" ? object.spec.jobTemplate.spec.template : object.spec.template;
    const ports = Object.fromEntries(spec.containers.flatMap((c) => c.ports ?? []).filter((p) => p.name).map((p) => [p.name, p.containerPort]));
    pods.set(object.metadata.name, namespacedPod(object.metadata.namespace ?? "default", template.metadata?.labels ?? {}, ports));
  }
  return pods;
}

// Which Secrets (and keys) a render needs to exist, and which ones a document's
// `kubectl create secret` commands create: the two must agree, since no Secret is committed.
import { podSpecOf } from "./policy.mjs";

function need(needed, name, keys) {
  if (!needed.has(name)) {
    needed.set(name, new Set());
  }
  keys.forEach((key) => needed.get(name).add(key));
}

/** Secret name -> keys that workloads, Ingresses and CloudNativePG clusters of the render read. */
export function referencedSecrets(objects) {
  const needed = new Map();
  for (const object of objects) {
    const pod = podSpecOf(object);
    for (const container of [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])]) {
      for (const env of container.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref && !ref.optional) {
          need(needed, ref.name, [ref.key]);
        }
      }
      for (const source of container.envFrom ?? []) {
        if (source.secretRef && !source.secretRef.optional) {
          need(needed, source.secretRef.name, []);
        }
      }
    }
    for (const volume of pod?.volumes ?? []) {
      if (volume.secret && !volume.secret.optional) {
        need(needed, volume.secret.secretName, (volume.secret.items ?? []).map((item) => item.key));
      }
    }
    // cert-manager issues the certificate of an Ingress that names an issuer.
    const issued = Object.keys(object.metadata?.annotations ?? {}).some((a) => a.startsWith("cert-manager.io/"));
    if (object.kind === "Ingress" && !issued) {
      for (const tls of object.spec?.tls ?? []) {
        need(needed, tls.secretName, ["tls.crt", "tls.key"]);
      }
    }
    if (object.kind === "Cluster" && object.apiVersion?.startsWith("postgresql.cnpg.io/")) {
      const initdbSecret = object.spec?.bootstrap?.initdb?.secret?.name;
      if (initdbSecret) {
        need(needed, initdbSecret, ["username", "password"]);
      }
      for (const role of object.spec?.managed?.roles ?? []) {
        if (role.passwordSecret?.name) {
          need(needed, role.passwordSecret.name, ["username", "password"]);
        }
      }
    }
  }
  return needed;
}

/** Secret name -> keys, from the `kubectl ... create secret generic|tls NAME ...` commands of a text. */
export function documentedSecrets(text) {
  const documented = new Map();
  const commands = text.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  for (const command of commands) {
    const match = command.match(/create secret (generic|tls) ([a-z0-9][a-z0-9.-]*)/);
    if (!match) {
      continue;
    }
    const [, type, name] = match;
    const keys = type === "tls"
      ? ["tls.crt", "tls.key"]
      : [...command.matchAll(/--from-(?:literal|file)=([A-Za-z0-9._-]+)=/g)].map((m) => m[1]);
    need(documented, name, keys);
  }
  return documented;
}

/** "name: key" lines for every referenced key that the documented commands do not create. */
export function undocumented(referenced, documented) {
  const missing = [];
  for (const [name, keys] of referenced) {
    if (!documented.has(name)) {
      missing.push(`${name}: (no command creates it)`);
      continue;
    }
    for (const key of keys) {
      if (!documented.get(name).has(key)) {
        missing.push(`${name}: ${key}`);
      }
    }
  }
  return missing.sort();
}

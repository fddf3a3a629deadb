// apiVersion + kind -> model class, from kubernetes-models (core API) and the operators' CRD models.
import * as admissionregistration from "kubernetes-models/admissionregistration.k8s.io/v1";
import * as apps from "kubernetes-models/apps/v1";
import * as autoscaling from "kubernetes-models/autoscaling/v2";
import * as batch from "kubernetes-models/batch/v1";
import * as core from "kubernetes-models/v1";
import * as networking from "kubernetes-models/networking.k8s.io/v1";
import * as policy from "kubernetes-models/policy/v1";
import * as rbac from "kubernetes-models/rbac.authorization.k8s.io/v1";
import * as cnpg from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1";
import * as monitoring from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";
import * as strimzi from "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1";

const modules = [admissionregistration, apps, autoscaling, batch, core, networking, policy, rbac, cnpg, monitoring, strimzi];

const byType = new Map();
for (const module of modules) {
  for (const exported of Object.values(module)) {
    if (typeof exported === "function" && exported.apiVersion && exported.kind) {
      byType.set(`${exported.apiVersion}/${exported.kind}`, exported);
    }
  }
}

/** The model class for an object's apiVersion and kind, or undefined when no schema is known. */
export function modelFor(object) {
  return byType.get(`${object?.apiVersion}/${object?.kind}`);
}

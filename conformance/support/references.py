"""The Secrets and ConfigMaps a cluster's pods refer to, and those the cluster provides.

Provided in a cluster (same namespace): a Secret or ConfigMap object, an ExternalSecret (its
`spec.target.name`, else its own name: External Secrets Operator writes that Secret), and the
Secrets CloudNativePG generates for a `postgresql.cnpg.io` Cluster `<c>`: `<c>-app`, `<c>-ca`,
`<c>-replication`, `<c>-server`, `<c>-superuser`.

Assumed provided by Kubernetes or an operator, without an object in the output:
  * ConfigMap `kube-root-ca.crt`: published in every namespace by kube-controller-manager;
  * Secret `Certificate.spec.secretName`: written by cert-manager for each Certificate;
  * a Secret or ConfigMap reference marked `optional: true` (the pod starts without it).
"""
from __future__ import annotations

from dataclasses import dataclass

CNPG_SECRETS = ("app", "ca", "replication", "server", "superuser")
KUBERNETES_CONFIGMAPS = {"kube-root-ca.crt"}


@dataclass(frozen=True)
class Reference:
    kind: str        # Secret or ConfigMap
    namespace: str
    name: str
    optional: bool
    where: str       # e.g. 03-workloads.yaml:Deployment/api/spec/template/spec/volumes[config]


def pod_specs(node, where=""):
    """(path, pod spec) for every pod spec below `node`: any mapping with a `containers` list
    (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, and custom resources embedding one)."""
    if isinstance(node, dict):
        if isinstance(node.get("containers"), list):
            yield where, node
        for key, value in node.items():
            yield from pod_specs(value, f"{where}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from pod_specs(item, where)


def _ref(kind, ref, namespace, where):
    return Reference(kind, namespace, str(ref.get("name") or ref.get("secretName") or ""), bool(ref.get("optional")), where)


def references(file, document) -> list[Reference]:
    """The Secret and ConfigMap references of the object's pod templates: containers' and init
    containers' envFrom and env valueFrom, volumes (secret, configMap, projected sources)."""
    namespace = (document.get("metadata") or {}).get("namespace") or ""
    name = f"{file.name}:{document.get('kind')}/{(document.get('metadata') or {}).get('name')}"
    found = []
    for path, pod in pod_specs(document):
        for container in (pod.get("containers") or []) + (pod.get("initContainers") or []):
            at = f"{name}{path}/containers[{container.get('name')}]"
            for source in container.get("envFrom") or []:
                if "secretRef" in source:
                    found.append(_ref("Secret", source["secretRef"], namespace, f"{at}/envFrom"))
                if "configMapRef" in source:
                    found.append(_ref("ConfigMap", source["configMapRef"], namespace, f"{at}/envFrom"))
            for variable in container.get("env") or []:
                value_from = variable.get("valueFrom") or {}
                if "secretKeyRef" in value_from:
                    found.append(_ref("Secret", value_from["secretKeyRef"], namespace, f"{at}/env[{variable.get('name')}]"))
                if "configMapKeyRef" in value_from:
                    found.append(_ref("ConfigMap", value_from["configMapKeyRef"], namespace, f"{at}/env[{variable.get('name')}]"))
        for volume in pod.get("volumes") or []:
            at = f"{name}{path}/volumes[{volume.get('name')}]"
            if "secret" in volume:
                found.append(_ref("Secret", volume["secret"], namespace, at))
            if "configMap" in volume:
                found.append(_ref("ConfigMap", volume["configMap"], namespace, at))
            for source in (volume.get("projected") or {}).get("sources") or []:
                if "secret" in source:
                    found.append(_ref("Secret", source["secret"], namespace, at))
                if "configMap" in source:
                    found.append(_ref("ConfigMap", source["configMap"], namespace, at))
    return found


def provided(objects) -> set[tuple[str, str, str]]:
    """(kind, namespace, name) of every Secret and ConfigMap the objects provide (see above)."""
    found = set()
    for _, document in objects:
        kind = document.get("kind")
        metadata = document.get("metadata") or {}
        namespace, name = metadata.get("namespace") or "", metadata.get("name", "")
        api_group = str(document.get("apiVersion", "")).split("/")[0]
        if kind in ("Secret", "ConfigMap"):
            found.add((kind, namespace, name))
        elif kind == "ExternalSecret":
            found.add(("Secret", namespace, ((document.get("spec") or {}).get("target") or {}).get("name") or name))
        elif kind == "Cluster" and api_group == "postgresql.cnpg.io":
            found.update(("Secret", namespace, f"{name}-{suffix}") for suffix in CNPG_SECRETS)
        elif kind == "Certificate" and api_group == "cert-manager.io":
            found.add(("Secret", namespace, (document.get("spec") or {}).get("secretName") or ""))
    return found


def is_provided(reference: Reference, available: set[tuple[str, str, str]]) -> bool:
    return (reference.optional
            or reference.kind == "ConfigMap" and reference.name in KUBERNETES_CONFIGMAPS
            or (reference.kind, reference.namespace, reference.name) in available)


def unprovided(objects) -> list[Reference]:
    """The references of the objects' pod templates that nothing in the same objects provides."""
    available = provided(objects)
    return [reference for file, document in objects for reference in references(file, document)
            if not is_provided(reference, available)]

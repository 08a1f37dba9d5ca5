import BizraSpec

/// Writes `gitops/`: what deploys each cluster's folder to its cluster with Argo CD or with Flux,
/// from the repository of `platform.gitops`.
///
/// - `gitops/argocd/`: an AppProject `<platform>-<environment>` allowing exactly the repository and
///   the clusters, and one Application per cluster (destination: the cluster registered in Argo CD
///   under the region's context name, as `argocd cluster add CONTEXT` names it). The primary
///   region's Application syncs in wave 0 and the others in wave 1, so an app-of-apps that holds
///   them brings up the primary database before its replicas; inside each Application, Argo CD
///   applies Namespaces and cluster-wide kinds before the objects that live in them.
/// - `gitops/flux/`: a GitRepository and one Kustomization per cluster for a management cluster's
///   Flux, each reaching its cluster through the kubeconfig Secret `<context>-kubeconfig`; the
///   other regions' Kustomizations depend on the primary's, which waits until its objects are ready.
public struct GitOpsRenderer: ArtifactRenderer {
    public static let argoNamespace = "argocd"
    public static let fluxNamespace = "flux-system"

    public init() {}

    /// The repository URL the controllers read.
    public static func repository(_ context: PlanContext) -> String {
        let platform = context.platform
        return platform.gitops.repository ?? "https://github.com/\(platform.name)/\(platform.name)-platform.git"
    }

    /// A cluster's folder in the repository.
    public static func path(of cluster: String, _ context: PlanContext) -> String {
        let root = context.platform.gitops.path ?? "out/\(context.platform.environment)"
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        return "\(trimmed)/\(BuildPipeline.manifestFolder(cluster: cluster))"
    }

    public func render(_ context: PlanContext) throws -> [String: String] {
        [
            "gitops/argocd/project.yaml": ManifestFile(path: "gitops/argocd/project.yaml", objects: [project(context)]).render(),
            "gitops/argocd/applications.yaml": ManifestFile(path: "gitops/argocd/applications.yaml",
                                                            objects: context.deployOrder.map { application($0, context) }).render(),
            "gitops/flux/source.yaml": ManifestFile(path: "gitops/flux/source.yaml", objects: [gitRepository(context)]).render(),
            "gitops/flux/kustomizations.yaml": ManifestFile(path: "gitops/flux/kustomizations.yaml",
                                                            objects: context.deployOrder.map { kustomization($0, context) }).render(),
        ]
    }

    private func name(_ context: PlanContext) -> String { "\(context.platform.name)-\(context.platform.environment)" }

    private func project(_ context: PlanContext) -> KubernetesObject {
        KubernetesObject(
            apiVersion: "argoproj.io/v1alpha1", kind: "AppProject", name: name(context), namespace: Self.argoNamespace,
            labels: context.labels(component: "gitops", name: name(context)),
            body: ["spec": [
                "description": .string("\(context.platform.name) \(context.platform.environment), one cluster per region"),
                "sourceRepos": [.string(Self.repository(context))],
                "destinations": .list(context.deployOrder.map { cluster in
                    ["name": .string(context.kubeContext(of: cluster)), "namespace": "*"]
                }),
                "clusterResourceWhitelist": [["group": "*", "kind": "*"]],
            ]]
        )
    }

    private func application(_ cluster: String, _ context: PlanContext) -> KubernetesObject {
        let appName = "\(name(context))-\(cluster)"
        return KubernetesObject(
            apiVersion: "argoproj.io/v1alpha1", kind: "Application", name: appName, namespace: Self.argoNamespace,
            labels: context.labels(component: "gitops", name: appName),
            annotations: ["argocd.argoproj.io/sync-wave": cluster == context.primaryCluster ? "0" : "1"],
            body: ["spec": [
                "project": .string(name(context)),
                "source": [
                    "repoURL": .string(Self.repository(context)),
                    "targetRevision": .string(context.platform.gitops.branch),
                    "path": .string(Self.path(of: cluster, context)),
                ],
                "destination": ["name": .string(context.kubeContext(of: cluster))],
                "syncPolicy": [
                    "automated": ["prune": true, "selfHeal": true],
                    "syncOptions": ["ServerSideApply=true"],
                    "retry": ["limit": 5, "backoff": ["duration": "30s", "factor": 2, "maxDuration": "10m"]],
                ],
            ]]
        )
    }

    private func gitRepository(_ context: PlanContext) -> KubernetesObject {
        KubernetesObject(
            apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", name: name(context), namespace: Self.fluxNamespace,
            labels: context.labels(component: "gitops", name: name(context)),
            body: ["spec": [
                "interval": "1m",
                "url": .string(Self.repository(context)),
                "ref": ["branch": .string(context.platform.gitops.branch)],
            ]]
        )
    }

    private func kustomization(_ cluster: String, _ context: PlanContext) -> KubernetesObject {
        let kustomizationName = "\(name(context))-\(cluster)"
        var spec: YAMLMap = [
            "interval": "10m",
            "retryInterval": "1m",
            "timeout": "10m",
            "path": .string("./" + Self.path(of: cluster, context)),
            "prune": true,
            "wait": true,
            "sourceRef": ["kind": "GitRepository", "name": .string(name(context))],
            "kubeConfig": ["secretRef": ["name": .string("\(context.kubeContext(of: cluster))-kubeconfig")]],
        ]
        if cluster != context.primaryCluster {
            spec["dependsOn"] = [["name": .string("\(name(context))-\(context.primaryCluster)")]]
        }
        return KubernetesObject(
            apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", name: kustomizationName,
            namespace: Self.fluxNamespace, labels: context.labels(component: "gitops", name: kustomizationName),
            body: ["spec": .map(spec)]
        )
    }
}

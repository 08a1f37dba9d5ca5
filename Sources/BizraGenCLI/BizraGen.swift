import ArgumentParser
import BizraGenKit

/// `bizra-gen`: compiles a platform spec into Kubernetes manifests, a Varnish VCL and k6 scripts.
struct BizraGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bizra-gen",
        abstract: "Compile a platform spec into Kubernetes manifests, a Varnish VCL and k6 load tests.",
        discussion: """
            Reads specs/ (or --spec PATH), checks every reference and SLA constraint, and writes \
            out/<environment>/ byte for byte deterministically. Exit status: 0 ok, 1 findings \
            (check errors, drift, SLA missed), 2 usage or input/output errors. Each command's \
            --help has examples.

            Examples:
              bizra-gen init --minimal && bizra-gen validate && bizra-gen build
              bizra-gen build --check               # the CI gate
              bizra-gen help explain
            """,
        version: BizraGenVersion.current,
        subcommands: [Init.self, Validate.self, Build.self, Diff.self, Graph.self, Report.self, Schema.self, Rules.self, Explain.self]
    )
}

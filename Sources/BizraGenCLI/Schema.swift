import ArgumentParser
import BizraGenKit
import BizraSpec

/// `bizra-gen schema`: the spec format as JSON Schema, for editors and validators.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the spec format, for editors.",
        discussion: """
            The schema is generated from bizra-gen's own model: every key with its description, the \
            allowed values of enumerations, unit patterns (durations, sizes, CPU, percentages, rates, \
            cron), required keys, and no unknown keys. Save it and point your editor at it by \
            starting each spec file with

              # yaml-language-server: $schema=../bizra-spec.schema.json

            (VS Code with the Red Hat YAML extension, Neovim/Helix with yaml-language-server); \
            environment overlays take `bizra-gen schema --overlay`, where no key is required. Cross \
            references (a dependsOn that must name a service) and SLA consistency are checked by \
            `bizra-gen validate`, not by the schema.

            Examples:
              bizra-gen schema > bizra-spec.schema.json
              bizra-gen schema --overlay > bizra-overlay.schema.json   # overlays
              bizra-gen schema --reference > spec-format.md   # every key, in Markdown
            """)

    @Flag(name: .long, help: "The schema of an environment overlay (specs/environments/NAME.yaml): same keys, none required.")
    var overlay = false

    @Flag(name: .long, help: "The key reference in Markdown instead: every key, what it takes, and how the Swift DSL writes it.")
    var reference = false

    func validate() throws {
        if overlay && reference { throw ValidationError("--overlay and --reference print different documents; give one") }
    }

    func run() {
        if reference {
            Terminal.out(FormatReference.markdown)
        } else {
            Terminal.out(JSONText.render(overlay ? SpecSchema.overlayDocument : SpecSchema.document))
        }
    }
}

import ArgumentParser

/// `bizra-gen validate`: the checks only.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check the spec and print the findings; write nothing.")

    @OptionGroup var spec: SpecOptions
    @OptionGroup var checks: CheckOptions

    func run() throws {
        _ = try checks.checkedSpec(spec)
        if checks.format == .text { Terminal.error("no findings") }
    }
}

import ArgumentParser

/// `bizra-gen validate`: the checks only, the spec's and then the OUT rules' on the planned objects.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check the spec and the objects it plans, and print the findings; write nothing.")

    @OptionGroup var spec: SpecOptions
    @OptionGroup var checks: CheckOptions

    func run() throws {
        try checks.checkedPlan(spec)
    }
}

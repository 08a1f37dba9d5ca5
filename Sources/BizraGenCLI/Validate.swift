import ArgumentParser

/// `bizra-gen validate`: the checks only, the spec's and then the OUT rules' on the planned objects.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the spec and the objects it plans, and print the findings; write nothing.",
        discussion: """
            Runs every check `build` runs (the spec's rules, then the OUT rules on the planned \
            objects) and prints "0 errors, 0 warnings" when there is no finding. Exit status: 0 no \
            error, 1 an error (or, with --warnings-as-errors, any finding not accepted by a suppression).

            Examples:
              bizra-gen validate                                    # specs/ as written
              bizra-gen validate --env staging --warnings-as-errors
              bizra-gen validate --spec shop.yaml --format json     # one object on stdout
              bizra-gen validate --format sarif > findings.sarif    # for code scanning
            """)

    @OptionGroup var spec: SpecOptions
    @OptionGroup var checks: CheckOptions

    func run() throws {
        try checks.checkedPlan(spec)
    }
}

import ArgumentParser

/// `bizra-gen rules`: the catalogue as a table.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every check with its identifier and severity.",
        discussion: """
            One line per check: the spec rules (SPEC, REF, SLA, RES, AUTO, CHAOS, REG, CACHE, SEC, \
            BENCH), then the OUT rules that judge the planned objects.

            Examples:
              bizra-gen rules
              bizra-gen rules | grep '^SLA'          # the SLA checks only
            """)

    func run() {
        let rows = CatalogueEntry.all.map { [$0.identifier, $0.severity.rawValue, $0.summary] }
        let idWidth = max(2, rows.map { $0[0].count }.max() ?? 0)
        Terminal.out("\("ID".padding(idWidth))  SEVERITY  CATCHES")
        for row in rows { Terminal.out("\(row[0].padding(idWidth))  \(row[1].padding(8))  \(row[2])") }
    }
}

/// `bizra-gen explain ID`: one rule with its examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one check, with examples that trigger it and that don't.",
        discussion: """
            The identifier is the one a diagnostic names (error[SLA007]); case does not matter.

            Examples:
              bizra-gen explain SLA007
              bizra-gen explain out001
            """)

    @Argument(help: "A rule identifier, e.g. SLA005.")
    var identifier: String

    func validate() throws {
        guard CatalogueEntry.entry(identifier) != nil else {
            let known = CatalogueEntry.all.map { $0.identifier }
            let hint = known.first { $0.lowercased().hasPrefix(identifier.lowercased().prefix(3)) }.map { " (e.g. \($0))" } ?? ""
            throw ValidationError("no rule '\(identifier)'\(hint); `bizra-gen rules` lists them")
        }
    }

    func run() {
        let rule = CatalogueEntry.entry(identifier)!
        var text = "\(rule.identifier) (\(rule.severity.rawValue)): \(rule.summary)\n\n\(rule.explanation)\n"
        for (title, examples) in [("Triggers on", rule.triggering), ("Does not trigger on", rule.nonTriggering)] {
            for example in examples {
                text += "\n\(title):\n" + example.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    \($0)" }.joined(separator: "\n").trimmingTrailingSpaces() + "\n"
            }
        }
        Terminal.out(text)
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func trimmingTrailingSpaces() -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }
}

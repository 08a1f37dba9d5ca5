import CYaml

/// A single pass over libyaml's events, before anything is composed, that refuses what would
/// be expensive or ambiguous to compose: too deep (SPEC008), too many aliases or an expansion
/// too large (SPEC008, YAML bombs), a key twice in one mapping (SPEC004), and syntax errors (SPEC007).
/// It keeps only a stack of counters, so its cost is linear in the input whatever the input.
struct YAMLPrescan {
    private struct Frame {
        var isMapping: Bool
        var nodes = 1
        var anchor: String?
        var itemIndex = 0
        var keys: [String: SourceLocation] = [:]
    }

    let file: String
    let limits: LoadLimits

    func run(_ bytes: [UInt8]) -> [Finding] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return [Finding(rule: "SPEC008", message: "the YAML parser could not start", at: location(1, 1))]
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser)
        }
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private func scan(_ parser: inout yaml_parser_t) -> [Finding] {
        var stack: [Frame] = []
        var anchorSizes: [String: Int] = [:]
        var aliases = 0
        var total = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return [syntaxError(parser)]
            }
            defer { yaml_event_delete(&event) }
            let mark = location(Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
            var completed: (nodes: Int, key: String?)?
            // A collection was counted at its start; scalars and aliases (with their expansion) here.
            var counted = false
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return []
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                stack.append(Frame(isMapping: isMapping, anchor: anchorPointer.map { String(cString: $0) }))
                total += 1
                if stack.count > limits.maxDepth {
                    return [Finding(rule: "SPEC008",
                                    message: "nesting deeper than \(limits.maxDepth) levels",
                                    at: mark, notes: [.init("a spec needs a handful of levels; deeper input is refused")])]
                }
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                let frame = stack.removeLast()
                if let anchor = frame.anchor { anchorSizes[anchor] = frame.nodes }
                completed = (frame.nodes, nil)
                counted = true
            case YAML_SCALAR_EVENT:
                let value = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length),
                                   as: UTF8.self)
                if let anchor = event.data.scalar.anchor { anchorSizes[String(cString: anchor)] = 1 }
                completed = (1, value)
            case YAML_ALIAS_EVENT:
                aliases += 1
                if aliases > limits.maxAliases {
                    return [Finding(rule: "SPEC008", message: "more than \(limits.maxAliases) aliases", at: mark)]
                }
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                completed = (anchorSizes[name] ?? 1, nil)
            default:
                break
            }
            guard let (nodes, scalar) = completed else { continue }
            if !counted { total += nodes }
            if total > limits.maxExpandedNodes {
                return [Finding(rule: "SPEC008",
                                message: "the document expands to more than \(limits.maxExpandedNodes) nodes",
                                at: mark, notes: aliases > 0 ? [.init("aliases that refer to aliases multiply; this looks like a YAML bomb")] : [])]
            }
            guard !stack.isEmpty else { continue }
            stack[stack.count - 1].nodes += nodes
            if stack[stack.count - 1].isMapping {
                let index = stack[stack.count - 1].itemIndex
                stack[stack.count - 1].itemIndex += 1
                if index % 2 == 0, let key = scalar {
                    if let first = stack[stack.count - 1].keys[key] {
                        return [Finding(rule: "SPEC004", message: "key '\(key)' appears twice in this mapping",
                                        at: mark, notes: [.init("first defined here", at: first)])]
                    }
                    stack[stack.count - 1].keys[key] = mark
                }
            }
        }
    }

    private func syntaxError(_ parser: yaml_parser_t) -> Finding {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if problem.hasPrefix("Maximum nesting level") {
            return Finding(rule: "SPEC008", message: "nesting deeper than \(limits.maxDepth) levels",
                           at: location(Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1))
        }
        var notes: [Finding.Note] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            notes.append(.init(context, at: location(Int(parser.context_mark.line) + 1, Int(parser.context_mark.column) + 1)))
        }
        if parser.error == YAML_READER_ERROR {
            return Finding(rule: "SPEC007", message: "\(problem) at byte \(parser.problem_offset)",
                           at: location(Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1))
        }
        return Finding(rule: "SPEC007", message: problem,
                       at: location(Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1), notes: notes)
    }
}

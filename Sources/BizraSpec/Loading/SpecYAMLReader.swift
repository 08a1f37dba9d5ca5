import CYaml

/// Reads a spec file into located nodes in a single pass over libyaml's events, refusing on the way
/// what would be expensive or ambiguous: too deep (SPEC008), too many aliases or an expansion too
/// large (SPEC008, YAML bombs), a key twice in one mapping (SPEC004), syntax errors and undefined
/// aliases (SPEC007). Its cost is linear in the input whatever the input: an alias shares the
/// anchored node's storage, and the expansion is counted, not performed. A merge key (`<<: *common`)
/// is applied as its mapping completes (MergeKey): the merged pairs are copied, their values
/// shared, and counted toward the limits like any alias's.
struct SpecYAMLReader {
    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        var nodes = 1
        var items: [SpecNode] = []
        var pairs: [(key: SpecNode, value: SpecNode)] = []
        var pendingKey: SpecNode?
        /// The keys seen so far, by text: kept only once a mapping outgrows a scan of its pairs.
        var keys: [String: SourceLocation]?
        /// Where this mapping's `<<` was written, and what it merges once its value is read.
        var mergeKey: SourceLocation?
        var merge: MergeKey.Merge?

        /// Where `key` was first written in this mapping, if it was.
        func firstKey(_ key: String) -> SourceLocation? {
            if let keys { return keys[key] }
            return pairs.first { $0.key.string == key }?.key.location
        }

        mutating func addKey(_ key: String, at location: SourceLocation) {
            if keys != nil {
                keys![key] = location
            } else if pairs.count >= Self.keysScanned {
                var keys: [String: SourceLocation] = [:]
                for pair in pairs {
                    if let text = pair.key.string, keys[text] == nil { keys[text] = pair.key.location }
                }
                keys[key] = location
                self.keys = keys
            }
        }

        /// Mappings with up to this many keys are checked for duplicates by a scan; spec mappings rarely have more.
        static let keysScanned = 16

        var node: SpecNode {
            isMapping ? .mapping(SpecNode.Mapping(pairs: merge.map { MergeKey.apply($0, to: pairs) } ?? pairs, location: location))
                      : .sequence(SpecNode.List(items: items, location: location))
        }
    }

    let file: String
    let limits: LoadLimits

    /// The document's root node (nil for an empty file), or the findings that refuse it.
    func read(_ bytes: [UInt8]) -> Result<SpecNode?, SpecError> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(SpecError([Finding(rule: "SPEC008", message: "the YAML parser could not start", at: location(1, 1))]))
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser, bytes: bytes).mapError { SpecError([$0]) }
        }
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private func scan(_ parser: inout yaml_parser_t, bytes: [UInt8]) -> Result<SpecNode?, Finding> {
        var stack: [Frame] = []
        var anchors: [String: (node: SpecNode, nodes: Int)] = [:]
        var aliases = 0
        var total = 0
        var documents = 0
        var root: SpecNode?
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(syntaxError(parser, bytes: bytes))
            }
            defer { yaml_event_delete(&event) }
            let mark = location(Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
            var completed: (node: SpecNode, nodes: Int, anchor: String?)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(Finding(rule: "SPEC007", message: "a spec file holds one YAML document; this is a second one",
                                            at: mark, notes: [.init("split the sections into files of their own instead")]))
                }
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                stack.append(Frame(isMapping: isMapping, location: mark, anchor: anchorPointer.map { String(cString: $0) }))
                total += 1
                if stack.count > limits.maxDepth {
                    return .failure(Finding(rule: "SPEC008", message: "nesting deeper than \(limits.maxDepth) levels",
                                            at: mark, notes: [.init("a spec needs a handful of levels; deeper input is refused")]))
                }
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                let frame = stack.removeLast()
                completed = (frame.node, frame.nodes, frame.anchor)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let node = SpecNode.scalar(SpecNode.Scalar(string: value, isPlain: scalar.plain_implicit != 0, location: mark))
                total += 1
                completed = (node, 1, scalar.anchor.map { String(cString: $0) })
            case YAML_ALIAS_EVENT:
                aliases += 1
                if aliases > limits.maxAliases {
                    return .failure(Finding(rule: "SPEC008", message: "more than \(limits.maxAliases) aliases", at: mark))
                }
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let anchored = anchors[name] else {
                    return .failure(Finding(rule: "SPEC007", message: "alias '*\(name)' refers to no anchor before it", at: mark))
                }
                total += anchored.nodes
                completed = (anchored.node, anchored.nodes, nil)
            default:
                break
            }
            if total > limits.maxExpandedNodes {
                return .failure(Finding(rule: "SPEC008",
                                        message: "the document expands to more than \(limits.maxExpandedNodes) nodes", at: mark,
                                        notes: aliases > 0 ? [.init("aliases that refer to aliases multiply; this looks like a YAML bomb")] : []))
            }
            guard let (node, nodes, anchor) = completed else { continue }
            if let anchor { anchors[anchor] = (node, nodes) }
            guard !stack.isEmpty else {
                root = node
                continue
            }
            stack[stack.count - 1].nodes += nodes
            if !stack[stack.count - 1].isMapping {
                stack[stack.count - 1].items.append(node)
            } else if let key = stack[stack.count - 1].pendingKey {
                if MergeKey.isMergeKey(key) {
                    switch MergeKey.mappings(in: node) {
                    case .success(let mappings):
                        stack[stack.count - 1].merge = MergeKey.Merge(position: stack[stack.count - 1].pairs.count, mappings: mappings)
                    case .failure(let finding):
                        return .failure(finding)
                    }
                } else {
                    stack[stack.count - 1].pairs.append((key, node))
                }
                stack[stack.count - 1].pendingKey = nil
            } else {
                if MergeKey.isMergeKey(node) {
                    if let first = stack[stack.count - 1].mergeKey {
                        return .failure(Finding(rule: "SPEC004", message: "key '<<' appears twice in this mapping", at: mark,
                                                notes: [.init("first defined here", at: first),
                                                        .init("merge several mappings with one list: `<<: [*a, *b]`")]))
                    }
                    stack[stack.count - 1].mergeKey = mark
                } else if let text = node.string {
                    if let first = stack[stack.count - 1].firstKey(text) {
                        return .failure(Finding(rule: "SPEC004", message: "key '\(text)' appears twice in this mapping",
                                                at: mark, notes: [.init("first defined here", at: first)]))
                    }
                    stack[stack.count - 1].addKey(text, at: mark)
                }
                stack[stack.count - 1].pendingKey = node
            }
        }
    }

    /// The libyaml problems an indentation mistake produces.
    static let indentationProblems = ["mapping values are not allowed in this context", "did not find expected key",
                                      "found character that cannot start any token", "found a tab character that violates indentation"]

    private func syntaxError(_ parser: yaml_parser_t, bytes: [UInt8]) -> Finding {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if problem.hasPrefix("Maximum nesting level") {
            return Finding(rule: "SPEC008", message: "nesting deeper than \(limits.maxDepth) levels",
                           at: location(Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1))
        }
        var notes: [Finding.Note] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            notes.append(.init(context, at: location(Int(parser.context_mark.line) + 1, Int(parser.context_mark.column) + 1)))
        }
        if Self.indentationProblems.contains(problem),
           let hint = IndentationHint.find(in: bytes, upTo: Int(parser.problem_mark.line) + 1) {
            return Finding(rule: "SPEC007", message: hint.message, at: location(hint.line, hint.column),
                           notes: hint.notes.map { .init($0.message, at: location($0.line, 1)) }
                               + [.init("the YAML parser's words: \(problem)", at: location(Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1))])
        }
        if parser.error == YAML_READER_ERROR {
            return Finding(rule: "SPEC007", message: "\(problem) at byte \(parser.problem_offset)",
                           at: location(Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1))
        }
        return Finding(rule: "SPEC007", message: problem,
                       at: location(Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1), notes: notes)
    }
}

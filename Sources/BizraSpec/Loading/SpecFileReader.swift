import Foundation

/// Reads one spec file into a located node: size, encoding and nesting limits first, then the parse.
struct SpecFileReader {
    let limits: LoadLimits

    /// The top-level mapping of `path`, or the findings that stop it.
    func read(_ path: String) -> Result<SpecNode, SpecError> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        func fail(_ rule: String, _ message: String, at location: SourceLocation? = nil,
                  notes: [Finding.Note] = []) -> Result<SpecNode, SpecError> {
            .failure(SpecError([Finding(rule: rule, message: message, at: location ?? start, notes: notes)]))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return fail("SPEC007", "cannot read the file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limits.maxFileBytes + 1)) ?? Data()
        guard data.count <= limits.maxFileBytes else {
            return fail("SPEC008", "the file is larger than \(limits.maxFileBytes / 1_048_576) MiB",
                        notes: [.init("a spec of a whole platform is a few kilobytes")])
        }
        return parse([UInt8](data), file: path)
    }

    /// The top-level mapping of the spec text `bytes`, located in `file`.
    func parse(_ input: [UInt8], file path: String) -> Result<SpecNode, SpecError> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        func fail(_ rule: String, _ message: String, at location: SourceLocation? = nil,
                  notes: [Finding.Note] = []) -> Result<SpecNode, SpecError> {
            .failure(SpecError([Finding(rule: rule, message: message, at: location ?? start, notes: notes)]))
        }
        guard input.count <= limits.maxFileBytes else {
            return fail("SPEC008", "the spec is larger than \(limits.maxFileBytes / 1_048_576) MiB")
        }
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let problem = TextCheck.firstProblem(in: bytes) {
            return fail("SPEC007", problem.message,
                        at: SourceLocation(file: path, line: problem.line, column: problem.column))
        }
        let root: SpecNode?
        switch SpecYAMLReader(file: path, limits: limits).read(bytes) {
        case .success(let node): root = node
        case .failure(let error): return .failure(error)
        }
        guard let node = root else {
            return fail("SPEC003", "the file is empty; a spec starts with 'version: 1'")
        }
        guard case .mapping = node else {
            return fail("SPEC002", "a spec file must be a mapping of sections, found \(node.kindDescription)",
                        at: node.location)
        }
        return .success(node)
    }
}

/// Checks that a file is text a YAML parser can take: valid UTF-8, no NUL byte.
enum TextCheck {
    struct Problem {
        var message: String
        var line: Int
        var column: Int
    }

    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00:
                return Problem(message: "the file holds a NUL byte; a spec is text", line: line, column: column)
            case 0x00..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default:
                return Problem(message: "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save the spec as UTF-8",
                               line: line, column: column)
            }
            if length > 1 {
                let end = index + length
                guard end <= bytes.count,
                      bytes[(index + 1)..<end].allSatisfy({ $0 & 0xC0 == 0x80 }),
                      String(validating: bytes[index..<end], as: UTF8.self) != nil else {
                    return Problem(message: "invalid UTF-8 sequence; save the spec as UTF-8", line: line, column: column)
                }
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return nil
    }
}

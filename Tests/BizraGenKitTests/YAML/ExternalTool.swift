import Foundation

/// Runs tools that the YAML tests check output against, when they are installed.
enum ExternalTool {
    /// Whether `name` is an executable on PATH.
    static func isOnPath(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Whether python3 can import PyYAML.
    static var hasPyYAML: Bool {
        isOnPath("python3") && (try? run("python3", ["-c", "import yaml"]).status) == 0
    }

    /// Runs `name` with `arguments`, feeding `input` on stdin; returns its exit status and stdout plus stderr.
    static func run(_ name: String, _ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = try stdout.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// The YAML text as PyYAML's safe loader reads it (YAML 1.1), as JSON-compatible values.
    static func loadWithPyYAML(_ yaml: String) throws -> Any {
        let script = "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))"
        let result = try run("python3", ["-c", script], input: yaml)
        guard result.status == 0 else { throw PyYAMLError(message: result.output) }
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8), options: [.fragmentsAllowed])
    }

    struct PyYAMLError: Error {
        var message: String
    }
}

import BizraSpec
import Foundation

/// Writing to the terminal: colour only on a terminal without NO_COLOR.
enum Terminal {
    static var stderrUsesColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(FileHandle.standardError.fileDescriptor) == 1
    }

    static var stdoutUsesColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(FileHandle.standardOutput.fileDescriptor) == 1
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func note(_ text: String) { error("note: \(text)") }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

import ArgumentParser
import Foundation

// Argument errors exit 2 (the design's usage status), not argument-parser's 64.
do {
    var command = try BizraGen.parseAsRoot()
    try command.run()
} catch {
    let code = BizraGen.exitCode(for: error)
    let message = BizraGen.fullMessage(for: error)
    if !message.isEmpty {
        // Help, version and completion scripts are the answer, so they go to stdout.
        let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
        stream.write(Data((message + "\n").utf8))
    }
    if code == .success || code == .failure || code.rawValue == 2 {
        exit(code.rawValue)
    }
    exit(error is CleanExit ? 0 : 2)
}

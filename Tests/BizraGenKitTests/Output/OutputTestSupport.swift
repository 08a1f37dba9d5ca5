import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import BizraGenKit

/// A fresh folder for one test, removed when the test ends.
final class Scratch {
    let url: URL
    var out: URL { url.appendingPathComponent("out") }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bizra-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }

    /// Names in `relative`, sorted.
    func names(_ relative: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(relative)).sorted()
    }
}

/// Identity and timestamps of a file, to tell whether a write touched it.
struct FileIdentity: Equatable {
    var inode: UInt64
    var modified: timespec
    var mode: UInt32

    init(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw POSIXError(.ENOENT) }
        inode = UInt64(info.st_ino)
        modified = info.st_mtim
        mode = UInt32(info.st_mode) & 0o7777
    }

    static func == (lhs: FileIdentity, rhs: FileIdentity) -> Bool {
        lhs.inode == rhs.inode && lhs.modified.tv_sec == rhs.modified.tv_sec
            && lhs.modified.tv_nsec == rhs.modified.tv_nsec && lhs.mode == rhs.mode
    }
}

extension OutputTree {
    /// A tree of UTF-8 text files.
    static func text(_ files: [String: String]) -> OutputTree {
        OutputTree(files: files.mapValues { Data($0.utf8) })
    }
}

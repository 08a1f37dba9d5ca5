import Foundation

extension OutputTree {
    /// The files under `folder` (such as `out/production`), read with the output writer's rules:
    /// symbolic links and special files are refused. `nil` when the folder does not exist.
    public static func read(folder: String) throws -> OutputTree? {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        return try OutputWriter(outRoot: url.deletingLastPathComponent()).read(subdir: url.lastPathComponent)
    }
}

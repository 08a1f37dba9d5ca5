/// What the reference platform would leave in another platform's output.
public enum ReferencePlatformTraces {
    /// The reference platform's words found in `text`; `bizra-gen`, the tool's own name (file
    /// headers, the field manager, `app.kubernetes.io/managed-by`), is not one.
    public static func found(in text: String) -> [String] {
        let lowered = text.lowercased().replacingOccurrences(of: "bizra-gen", with: "")
        return ["ihsan", "ahsan", "bizra", "node0"].filter(lowered.contains)
    }
}

/// The version of bizra-gen; output bytes depend only on the spec and this.
public enum BizraGenVersion {
    public static let current = "0.1.0"
}

/// The unit types of the format as schema nodes: each a regular expression that accepts exactly
/// what the unit's parser accepts (a test checks them against `init(parsing:)`), described by the
/// unit's own `expected` text.
public enum UnitPatterns {
    static let decimal = "[0-9]+(\\.[0-9]+)?"

    /// `150ms`, `30s`, `5m`, `6h`, `7d`.
    public static let duration = "^\(decimal)(ms|s|m|h|d)$"
    /// `512Mi`, `2Gi`; a bare number only when it is zero (any other is a forgotten unit).
    public static let byteSize = "^(0+(\\.0+)?|\(decimal)(Ki|Mi|Gi|Ti|Pi|k|M|G|T))$"
    /// `500m`, `"2"`.
    public static let cpu = "^\(decimal)m?$"
    /// `70%`, `0.08%` (at most 100%, which the parser checks).
    public static let percent = "^\(decimal)%$"
    /// `10000rps`, `600rpm`.
    public static let rate = "^\(decimal)(rps|rpm)$"
    /// Five whitespace-separated cron fields.
    public static let cron = "^ *[^ ]+( +[^ ]+){4} *$"

    /// How the key reference names each unit, by its pattern: what it is, its Swift type, a typed
    /// constructor and a literal.
    static let spellings: [String: String] = [
        duration: "duration: `TimeSpan`, `.seconds(30)` or `\"30s\"`",
        byteSize: "size: `ByteSize`, `.gibibytes(2)` or `\"2Gi\"`",
        cpu: "CPU: `CPU`, `.millicores(500)` or `\"500m\"`",
        percent: "percentage: `Percent`, `.percent(70)` or `\"70%\"`",
        rate: "rate: `Rate`, `.perSecond(100)` or `\"100rps\"`",
        cron: "schedule: `Cron`, `\"0 3 * * *\"`",
    ]
    /// A DNS-1123 label.
    public static let dnsLabel = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"

    static func duration(_ what: String) -> SchemaNode {
        .unit(description: "\(what): \(TimeSpan.expected)", pattern: duration, acceptsNumbers: false)
    }
    static func byteSize(_ what: String) -> SchemaNode {
        .unit(description: "\(what): \(ByteSize.expected)", pattern: byteSize, acceptsNumbers: false)
    }
    static func cpu(_ what: String) -> SchemaNode {
        .unit(description: "\(what): \(CPU.expected)", pattern: cpu, acceptsNumbers: true)
    }
    static func percent(_ what: String) -> SchemaNode {
        .unit(description: "\(what): \(Percent.expected)", pattern: percent, acceptsNumbers: false)
    }
    static func rate(_ what: String) -> SchemaNode {
        .unit(description: "\(what): \(Rate.expected)", pattern: rate, acceptsNumbers: false)
    }
    static func cron(_ what: String) -> SchemaNode {
        .unit(description: "\(what): \(Cron.expected)", pattern: cron, acceptsNumbers: false)
    }
    /// A DNS-1123 label of at most `maxLength` characters.
    static func name(_ what: String, maxLength: Int = 40) -> SchemaNode {
        .text(description: "\(what): a DNS-1123 label (lowercase letters, digits and '-'), at most \(maxLength) characters",
              pattern: "^(?=.{1,\(maxLength)}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    }
}

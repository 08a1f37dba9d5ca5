/// Unit values written as literals in the Swift DSL: `"150ms"`, `"2Gi"`, `"500m"`, `"70%"`.
/// A literal that does not parse is a programming error in the DSL code and stops at once.
public protocol SpecUnitLiteral: SpecUnit, ExpressibleByStringLiteral where StringLiteralType == String {}

extension SpecUnitLiteral {
    public init(stringLiteral text: String) {
        do {
            try self.init(parsing: text)
        } catch {
            preconditionFailure("invalid \(Self.self) literal in the spec DSL: \(error)")
        }
    }
}

extension Duration: SpecUnitLiteral {}
extension ByteSize: SpecUnitLiteral {}
extension CPU: SpecUnitLiteral {}
extension Percent: SpecUnitLiteral {}
extension Rate: SpecUnitLiteral {}
extension Cron: SpecUnitLiteral {}

import Testing
@testable import BizraGenKit

@Suite("YAMLMap and YAMLValue")
struct YAMLMapTests {
    @Test("a dictionary literal keeps source order")
    func literalOrder() {
        let map: YAMLMap = ["spec": 1, "apiVersion": 2, "data": 3]
        #expect(map.keys == ["spec", "apiVersion", "data"])
    }

    @Test("setting replaces in place, appends new keys, and nil removes")
    func setting() {
        var map: YAMLMap = ["a": 1, "b": 2]
        map["a"] = 10
        map.set("c", 3)
        map.set("d", nil)
        map["b"] = nil
        #expect(map.entries.map(\.key) == ["a", "c"])
        #expect(map["a"] == 10)
        #expect(map["b"] == nil)
        #expect(!map.isEmpty && YAMLMap().isEmpty)
    }

    @Test("sorted-keys maps do not depend on dictionary order")
    func sortedKeys() {
        let keys = ["b", "a", "B", "é", "Z", "a1", "_x", "10", "9"]
        var forward: [String: String] = [:]
        var backward: [String: String] = [:]
        for key in keys { forward[key] = key }
        for key in keys.reversed() { backward[key] = key }
        let expected = ["10", "9", "B", "Z", "_x", "a", "a1", "b", "é"]
        #expect(YAMLMap(sortedKeys: forward).keys == expected)
        #expect(YAMLMap(sortedKeys: backward) == YAMLMap(sortedKeys: forward))
        #expect(YAMLMap(sortedKeys: forward.mapValues(YAMLValue.string)) == YAMLMap(sortedKeys: backward))
    }

    @Test("equality compares keys, values and order")
    func equality() {
        let map: YAMLMap = ["a": 1, "b": 2]
        #expect(map == ["a": 1, "b": 2])
        #expect(map != ["b": 2, "a": 1])
        #expect(map != ["a": 1, "b": 3])
        #expect(map != ["a": 1])
    }

    @Test("accessors and chained lookups")
    func accessors() {
        let object: YAMLValue = ["spec": ["replicas": 3, "ports": [80, 443], "name": "api", "on": true]]
        #expect(object["spec"]?["replicas"]?.intValue == 3)
        #expect(object["spec"]?["ports"]?[1] == 443)
        #expect(object["spec"]?["ports"]?[2] == nil)
        #expect(object["spec"]?["name"]?.stringValue == "api")
        #expect(object["spec"]?["on"]?.boolValue == true)
        #expect(object["spec"]?["ports"]?.listValue?.count == 2)
        #expect(object["spec"]?.mapValue?.keys == ["replicas", "ports", "name", "on"])
        #expect(object["missing"] == nil)
        #expect(YAMLValue("x") == .string("x"))
        #expect((1.5 as YAMLValue).doubleValue == 1.5)
    }
}

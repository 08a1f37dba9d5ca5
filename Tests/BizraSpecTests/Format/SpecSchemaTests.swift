import BizraTestSupport
import BizraSpec
import Foundation
import Testing

/// The JSON Schema of the spec format: built from the model, and accepted by a stock validator.
@Suite struct SpecSchemaTests {
    static let repository = Repository.root
    static let python = repository.appendingPathComponent(".venv-validators/bin/python").path
    static let hasValidator = FileManager.default.isExecutableFile(atPath: python)
    static let referenceSpec = "/work/shared/design/reference-spec.yaml"

    @Test func sectionsAndEnumerationsComeFromTheModel() throws {
        #expect(SpecSchema.root.properties.map(\.name) == SpecLoader.sections)
        #expect(SpecSchema.root.properties.filter(\.required).map(\.name) == ["version", "platform", "sla"])
        let json = SpecSchema.document
        #expect(json["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(json["additionalProperties"] as? Bool == false)
        let autoscaling = try #require(SpecSchema.root["services"]?["autoscaling"])
        let engine = try #require(autoscaling["engine"]?.json["enum"] as? [String])
        #expect(engine == Autoscaling.Engine.allCases.map(\.rawValue))
        #expect(autoscaling["vpa"]?["mode"]?.json["enum"] as? [String] == VPA.Mode.allCases.map(\.rawValue))
        let triggers = try #require(autoscaling["triggers"]?.json["items"] as? [String: Any])
        #expect((triggers["properties"] as? [String: Any])?["type"] as? [String: [String]] == ["enum": Trigger.Kind.typeNames])
        let experiments = try #require(SpecSchema.root["chaos"]?["experiments"]?.json["items"] as? [String: Any])
        #expect((experiments["oneOf"] as? [Any])?.count == ChaosExperiment.Kind.typeNames.count)
        #expect(SpecSchema.root["services"]?["metrics"]?["type"]?.json["enum"] as? [String] == Metric.Kind.allCases.map(\.rawValue))
        #expect(SpecSchema.root["sla"]?["latency"]?["p95"]?.description.contains(TimeSpan.expected) == true)
    }

    @Test func unitPatternsAcceptWhatTheParsersAccept() throws {
        func matches(_ pattern: String, _ text: String) throws -> Bool {
            try NSRegularExpression(pattern: pattern).firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        let samples: [(String, [String], (String) -> Bool)] = [
            (UnitPatterns.duration, ["150ms", "30s", "5m", "6h", "7d", "1.5s", "5", "5 m", "m", "5min", "-1s"],
             { (try? TimeSpan(parsing: $0)) != nil }),
            (UnitPatterns.byteSize, ["512Mi", "2Gi", "20Gi", "1024", "0", "0.0", "0.5", "1.5Gi", "2GB", "Gi", "2gi"], { (try? ByteSize(parsing: $0)) != nil }),
            (UnitPatterns.cpu, ["500m", "2", "0.5", "2c", "m"], { (try? CPU(parsing: $0)) != nil }),
            (UnitPatterns.percent, ["70%", "0.08%", "100%", "70", "%", "7 0%"], { (try? Percent(parsing: $0)) != nil }),
            (UnitPatterns.rate, ["10000rps", "600rpm", "1.5rps", "10000", "rps", "10qps"], { (try? Rate(parsing: $0)) != nil }),
            (UnitPatterns.cron, ["0 2 * * 0", "*/15 * * * *", "* * * *", "0 2 * * 0 1"], { (try? Cron(parsing: $0)) != nil }),
        ]
        for (pattern, texts, parses) in samples {
            for text in texts {
                #expect(try matches(pattern, text) == parses(text), "\(pattern) on '\(text)'")
            }
        }
    }

    /// Runs python3 with jsonschema and PyYAML from the validators' venv on a YAML file.
    func validate(_ yaml: String, overlay: Bool = false) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bizra-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = overlay ? SpecSchema.overlayDocument : SpecSchema.document
        try JSONSerialization.data(withJSONObject: document).write(to: folder.appendingPathComponent("schema.json"))
        try yaml.write(to: folder.appendingPathComponent("spec.yaml"), atomically: true, encoding: .utf8)
        let script = """
            import json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(open(sys.argv[2]))))
            for error in errors: print(error.json_path, error.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-c", script, folder.appendingPathComponent("schema.json").path, folder.appendingPathComponent("spec.yaml").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(.enabled(if: hasValidator, "no .venv-validators: run /work/shared/tools/install-validators .venv-validators"))
    func stockValidatorAcceptsTheReferenceSpecAndRejectsAnUnknownKey() throws {
        let reference = try String(contentsOfFile: Self.referenceSpec, encoding: .utf8)
        let accepted = try validate(reference)
        #expect(accepted.status == 0, "\(accepted.output)")
        let misspelt = reference.replacingOccurrences(of: "  namespace: bizra-production", with: "  namespce: bizra-production")
        let rejected = try validate(misspelt)
        #expect(rejected.status == 1)
        #expect(rejected.output.contains("'namespce' was unexpected"), "\(rejected.output)")
        let badUnit = try validate(reference.replacingOccurrences(of: "p95: 100ms", with: "p95: 100 millis"))
        #expect(badUnit.status == 1 && badUnit.output.contains("$.sla.latency.p95"), "\(badUnit.output)")
        let badEnum = try validate(reference.replacingOccurrences(of: "engine: keda ", with: "engine: kdea "))
        #expect(badEnum.status == 1 && badEnum.output.contains("$.services[0].autoscaling.engine"), "\(badEnum.output)")
    }

    @Test(.enabled(if: hasValidator, "no .venv-validators: run /work/shared/tools/install-validators .venv-validators"))
    func overlaySchemaAcceptsTheStagingEnvironment() throws {
        let staging = try String(contentsOf: Self.repository.appendingPathComponent("specs/environments/staging.yaml"), encoding: .utf8)
        let result = try validate(staging, overlay: true)
        #expect(result.status == 0, "\(result.output)")
        #expect(try validate("chaos: { pausd: false }\n", overlay: true).status == 1)
    }
}

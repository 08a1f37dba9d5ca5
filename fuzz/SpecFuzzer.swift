// The libFuzzer target of `make fuzz` (scripts/fuzz): the loader, the checks and the planners on
// arbitrary bytes.
//
// Each input is read two ways, as bizra-gen reads specs:
// - as a whole spec file: the raw bytes go to the file reader (limits, encoding, YAML), then the
//   decoder, then, when it loads, every rule of the catalogue;
// - as an environment overlay merged onto the embedded reference platform (as the rule examples
//   are), then every rule.
// A spec that passes the checks (no error) is then planned into every output file, as `build` does.
// Findings are the expected outcome; a crash, a trap, a hang or unbounded memory is a bug.
// With FUZZ_WRITE_SEEDS=DIR set, the target writes the examples of every rule to DIR and exits
// (scripts/fuzz uses it to refresh fuzz/corpus).
@testable import BizraSpec
import BizraGenKit
import BizraRules
import Foundation

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> Int32 {
    if let folder = ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] {
        writeRuleExamples(to: folder)
        exit(0)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let loader = SpecLoader()
    // What SpecLoader.load(path:) does with one file, on the raw bytes (invalid UTF-8 included).
    if case .success(let node) = SpecFileReader(limits: loader.limits).parse(bytes, file: "fuzz.yaml") {
        let context = DecodeContext()
        if let spec = SpecDecoding.spec(node, context), !context.hasErrors {
            checkThenPlan(spec)
        }
    }
    if let spec = try? loader.loadReference(overlay: ("overlay.yaml", String(decoding: bytes, as: UTF8.self))) {
        checkThenPlan(spec)
    }
    return 0
}

/// What `validate` then `build` do: every check (the spec's, then the OUT rules'), then the output.
private func checkThenPlan(_ spec: Spec) {
    guard let findings = try? BuildPipeline().findings(for: spec), findings.errorCount == 0 else { return }
    _ = try? BuildPipeline().plan(spec)
}

private func writeRuleExamples(to folder: String) {
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for rule in RuleCatalogue.all {
        for (index, example) in (rule.triggeringExamples + rule.nonTriggeringExamples).enumerated() {
            let text: String
            switch example.source {
            case .overlay(let yaml), .document(let yaml): text = yaml
            }
            let path = (folder as NSString).appendingPathComponent("rule-\(rule.identifier)-\(index).yaml")
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        }
    }
}

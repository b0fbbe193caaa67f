import ConnectorCore
import Foundation
import Yams

/// Loads `mappings/*.yaml` into ``ObjectMapping`` values (schema: mappings/README.md).
public enum MappingLoader {
    /// Loads one mapping file.
    /// - Throws: ``DefinitionErrors`` listing every problem with its `file:line: key`.
    public static func load(file: String) throws -> ObjectMapping {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw DefinitionErrors([DefinitionError(.unreadable, file: file, line: nil, key: "",
                                                    "cannot be read; check that the file exists and is UTF-8.")])
        }
        return try parse(text, file: file)
    }

    /// Loads every `*.yaml` file of a folder, sorted by name.
    public static func loadAll(directory: String) throws -> [ObjectMapping] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        var result: [ObjectMapping] = [], errors: [DefinitionError] = []
        for name in names {
            do { result.append(try load(file: (directory as NSString).appendingPathComponent(name))) }
            catch let e as DefinitionErrors { errors += e.errors }
        }
        if !errors.isEmpty { throw DefinitionErrors(errors) }
        return result
    }

    /// Parses mapping YAML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> ObjectMapping {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: text) else { throw DefinitionErrors([empty(file)]) }
            root = n
        } catch let e as DefinitionErrors { throw e } catch let e as YamlError {
            throw DefinitionErrors([DefinitionError(.malformedYAML, file: file, line: Self.line(of: e), key: "",
                                                    "is not valid YAML: \(e).")])
        }
        guard root.mapping != nil else { throw DefinitionErrors([empty(file)]) }
        var top = NodeReader(file: file, path: "", node: root)
        // `object` is optional for an ingest-only mapping: then no row may name a salesforce field.
        let objectName = top.string("object", required: false)
        let object = objectName ?? ""
        let stream = top.string("stream", required: true) ?? ""
        var fields: [FieldMapping] = []
        var errors: [DefinitionError] = []
        if let list = top.value("fields") {
            if list.sequence == nil { top.fail(.wrongType, "fields", list.mark?.line, "must be a list of field rows.") }
            for (i, item) in list.array().enumerated() {
                var row = NodeReader(file: file, path: "fields[\(i)]", node: item)
                if let f = FieldRow.read(&row, hasObject: objectName != nil) { fields.append(f) }
                row.rejectUnknownKeys()
                errors += row.errors
            }
        } else {
            top.fail(.missingKey, "fields", top.line, "is required: list the mapped fields.")
        }
        top.rejectUnknownKeys()
        errors = top.errors + errors
        if !errors.isEmpty { throw DefinitionErrors(errors) }
        return ObjectMapping(object: object, stream: stream, fields: fields)
    }

    private static func empty(_ file: String) -> DefinitionError {
        DefinitionError(.malformedYAML, file: file, line: 1, key: "", "must be a YAML mapping with object, stream and fields.")
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}

package com.creatorcommerce.contracts;

import static com.creatorcommerce.contracts.AsyncApiDocument.asList;

import com.creatorcommerce.contracts.ContractClasses.Constant;
import com.creatorcommerce.contracts.RecordWireShape.Kind;
import com.creatorcommerce.contracts.RecordWireShape.Property;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checks of {@code docs/asyncapi.yaml} against the contracts. Each returns the problems it found (empty = in
 * step), worded so that the reader knows what to change and where; {@link AsyncApiContractTest} asserts that there
 * are none, {@link AsyncApiDriftDetectionTest} that each check notices a drift.
 */
final class AsyncApiChecks {

    static final String DOC = "docs/asyncapi.yaml";
    static final String CATALOG = "AsyncApiContractTest.MESSAGES";
    static final String NULLABLE = "AsyncApiContractTest.NULLABLE";
    static final String OPTIONAL = "AsyncApiContractTest.OPTIONAL";
    static final String ENVELOPE_SCHEMA = "CloudEventsHeaders";
    static final String ENVELOPE_REF = "#/components/schemas/" + ENVELOPE_SCHEMA;

    /**
     * The envelope headers, as {@code com.creatorcommerce.platform.messaging.MessageHeaders} names them (the
     * messaging module is not a dependency of the contracts, so they are repeated here): what the outbox always
     * writes is required; {@code causation_id} only exists when a handled message caused this one, {@code user_id}
     * only when the flow has a user.
     */
    static final List<String> REQUIRED_HEADERS = List.of(
            "ce_specversion",
            "ce_id",
            "ce_type",
            "ce_source",
            "ce_subject",
            "ce_time",
            "content-type",
            "traceparent",
            "correlation_id");

    static final List<String> OPTIONAL_HEADERS = List.of("causation_id", "user_id");

    /** Where a message's record goes: the topics (values of {@code *Topics} constants) it is published on. */
    record Expected(Class<?> record, Set<String> topics) {}

    /**
     * The explicit knowledge the contracts do not expose by reflection.
     *
     * @param messages CloudEvents type → record and topics
     * @param nullable {@code Record.component} names that may be null on the wire (not required, schema allows null)
     * @param optional {@code Record.component} names added later that older producers leave out: never written as
     *     null, but not required, and their schema states the {@code default} the record applies when they are absent
     */
    record Catalog(Map<String, Expected> messages, Set<String> nullable, Set<String> optional) {}

    private final AsyncApiDocument doc;
    private final ContractClasses contracts;
    private final Catalog catalog;

    AsyncApiChecks(AsyncApiDocument doc, ContractClasses contracts, Catalog catalog) {
        this.doc = doc;
        this.contracts = contracts;
        this.catalog = catalog;
    }

    // ------------------------------------------------------------------------------------------------ document

    List<String> document() {
        List<String> problems = new ArrayList<>();
        if (!"3.0.0".equals(String.valueOf(doc.root().get("asyncapi")))) {
            problems.add(DOC + ": asyncapi must be 3.0.0, is " + doc.root().get("asyncapi"));
        }
        if (!"0.1.0".equals(String.valueOf(doc.map("info").get("version")))) {
            problems.add(
                    DOC + ": info.version must be 0.1.0, is " + doc.map("info").get("version"));
        }
        if (blank(doc.map("info").get("title")) || blank(doc.map("info").get("description"))) {
            problems.add(DOC + ": info needs a title and a description (the envelope and the conventions)");
        }
        server("local", "127.0.0.1:9092", problems);
        server("compose", "kafka:9092", problems);
        return problems;
    }

    private void server(String name, String host, List<String> problems) {
        Map<String, Object> server = doc.map("servers", name);
        if (!host.equals(server.get("host")) || !"kafka".equals(server.get("protocol"))) {
            problems.add(DOC + ": servers." + name + " must be {host: " + host + ", protocol: kafka}, is " + server);
        }
    }

    /** Every {@code $ref} is local and resolves. */
    List<String> references() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> ref : doc.refs()) {
            if (doc.pointer(ref.getValue()).isEmpty()) {
                problems.add(DOC + ": $ref '" + ref.getValue() + "' at " + ref.getKey() + " does not resolve");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ channels

    /** Every topic constant is exactly one channel's address, and every channel is a topic of the contracts. */
    List<String> channels() {
        List<String> problems = new ArrayList<>();
        for (Constant unknown : contracts.unrecognised()) {
            problems.add(unknown + " is neither a topic ('" + unknown.context() + ".events|commands|replies') nor a"
                    + " CloudEvents type ('<" + String.join("|", unknown.typeContexts()) + ">.<name>.v<N>'); rename"
                    + " it or teach ContractClasses what it is");
        }
        Map<String, List<String>> channelsByAddress = new LinkedHashMap<>();
        doc.map("channels")
                .forEach((key, channel) -> channelsByAddress
                        .computeIfAbsent(String.valueOf(doc.resolveMap(channel).get("address")), a -> new ArrayList<>())
                        .add(key));
        Set<String> topicValues = new LinkedHashSet<>();
        for (Constant topic : contracts.topics()) {
            topicValues.add(topic.value());
            List<String> keys = channelsByAddress.getOrDefault(topic.value(), List.of());
            if (keys.isEmpty()) {
                problems.add(topic + " has no channel in " + DOC + ": add one under channels with address: "
                        + topic.value());
            } else if (keys.size() > 1) {
                problems.add(topic + " is the address of several channels " + keys + "; keep one");
            }
        }
        channelsByAddress.forEach((address, keys) -> {
            if (!topicValues.contains(address)) {
                problems.add(DOC + ": channel(s) " + keys + " have address '" + address + "', which is no topic"
                        + " constant of any *Topics class (stale channel, or a topic missing from the contracts?)");
            }
        });
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ messages

    /**
     * Every type constant has a catalog entry and a message named after it, on exactly the channels of the topics the
     * catalog gives; no channel or component carries a message the contracts do not define.
     */
    List<String> messages() {
        List<String> problems = new ArrayList<>();
        Map<String, Constant> typeConstants = new LinkedHashMap<>();
        contracts.types().forEach(t -> typeConstants.put(t.value(), t));
        Map<String, Constant> topicConstants = new LinkedHashMap<>();
        contracts.topics().forEach(t -> topicConstants.put(t.value(), t));

        for (Constant type : typeConstants.values()) {
            if (!catalog.messages().containsKey(type.value())) {
                problems.add(type + " is not in " + CATALOG + ": add its record and topics there, and a message '"
                        + type.value() + "' to " + DOC);
            }
        }
        Map<String, Object> components = doc.map("components", "messages");
        catalog.messages().forEach((type, expected) -> {
            Constant constant = typeConstants.get(type);
            if (constant == null) {
                problems.add(CATALOG + " has '" + type + "', which is no type constant of any *Topics class (stale"
                        + " entry?)");
                return;
            }
            for (String topic : expected.topics()) {
                Constant topicConstant = topicConstants.get(topic);
                if (topicConstant == null || !topicConstant.context().equals(constant.context())) {
                    problems.add(CATALOG + ": '" + type + "' is put on '" + topic + "', which is no topic of the "
                            + constant.context() + " context");
                }
            }
            if (!expected.record().getPackageName().equals(constant.owner().getPackageName())) {
                problems.add(CATALOG + ": '" + type + "' maps to "
                        + expected.record().getName() + ", outside the "
                        + constant.owner().getPackageName() + " package of " + constant);
            }
            if (!components.containsKey(type)) {
                problems.add(DOC + " has no components.messages['" + type + "'] for " + constant + " ("
                        + expected.record().getSimpleName() + ")");
                return;
            }
            Map<String, Object> message = doc.resolveMap(components.get(type));
            if (!type.equals(message.get("name"))) {
                problems.add(DOC + ": components.messages['" + type + "'].name must be the CloudEvents type '" + type
                        + "', is '" + message.get("name") + "'");
            }
            if (!expected.record().getName().equals(message.get("x-java-type"))) {
                problems.add(DOC + ": message '" + type + "' has x-java-type '" + message.get("x-java-type") + "', but "
                        + CATALOG + " maps it to " + expected.record().getName());
            }
            problems.addAll(headers(type, message));
        });
        components.keySet().stream()
                .filter(name -> !catalog.messages().containsKey(name))
                .forEach(name -> problems.add(DOC + ": components.messages['" + name + "'] is no type of the contracts"
                        + " (stale, or a type constant and " + CATALOG + " entry are missing)"));

        doc.map("channels").forEach((key, raw) -> {
            Map<String, Object> channel = doc.resolveMap(raw);
            String address = String.valueOf(channel.get("address"));
            Set<String> expected = catalog.messages().entrySet().stream()
                    .filter(e -> e.getValue().topics().contains(address))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            Map<String, Object> actual = doc.resolveMap(channel.get("messages"));
            for (String type : expected) {
                if (!actual.containsKey(type)) {
                    problems.add(DOC + ": channel " + key + " (" + address + ") lacks message '" + type + "' ("
                            + catalog.messages().get(type).record().getSimpleName() + ")");
                }
            }
            actual.forEach((name, ref) -> {
                if (!expected.contains(name)) {
                    problems.add(DOC + ": channel " + key + " (" + address + ") has message '" + name + "', which "
                            + CATALOG + " does not put on " + address);
                }
                Object resolved = resolveOrNull(ref);
                if (resolved instanceof Map<?, ?> m && !name.equals(m.get("name"))) {
                    problems.add(DOC + ": channel " + key + " lists message '" + name + "' but it points to a message"
                            + " named '" + m.get("name") + "'");
                }
            });
        });
        return problems;
    }

    /** The message's headers are the envelope, with {@code ce_type} fixed to the message's type. */
    private List<String> headers(String type, Map<String, Object> message) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> headers = doc.resolveMap(message.get("headers"));
        List<Object> parts = headers.containsKey("allOf") ? asList(headers.get("allOf")) : List.of(headers);
        boolean envelope = parts.stream().anyMatch(p -> p instanceof Map<?, ?> m && ENVELOPE_REF.equals(m.get("$ref")))
                || message.get("headers") instanceof Map<?, ?> h && ENVELOPE_REF.equals(h.get("$ref"));
        if (!envelope) {
            problems.add(DOC + ": message '" + type + "' headers must include the envelope ($ref: '" + ENVELOPE_REF
                    + "', e.g. in allOf)");
        }
        Set<Object> ceTypes = new LinkedHashSet<>();
        for (Object part : parts) {
            Map<String, Object> properties = doc.resolveMap(doc.resolveMap(part).get("properties"));
            Object ceType = properties.get("ce_type");
            if (ceType instanceof Map<?, ?> m && m.containsKey("const")) {
                ceTypes.add(m.get("const"));
            }
        }
        if (!ceTypes.equals(Set.of(type))) {
            problems.add(DOC + ": message '" + type + "' headers must fix ce_type with const: " + type + " (found "
                    + ceTypes + ")");
        }
        return problems;
    }

    /** The envelope schema names exactly the platform headers and requires those the outbox always writes. */
    List<String> envelope() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> schema = doc.map("components", "schemas", ENVELOPE_SCHEMA);
        if (schema.isEmpty()) {
            return List.of(DOC + ": components.schemas." + ENVELOPE_SCHEMA + " (the envelope headers) is missing");
        }
        Set<String> expected = new TreeSet<>(REQUIRED_HEADERS);
        expected.addAll(OPTIONAL_HEADERS);
        Set<String> actual =
                new TreeSet<>(doc.resolveMap(schema.get("properties")).keySet());
        if (!actual.equals(expected)) {
            problems.add(DOC + ": " + ENVELOPE_SCHEMA + " properties must be the MessageHeaders " + expected
                    + "; missing " + minus(expected, actual) + ", unknown " + minus(actual, expected));
        }
        Set<String> required = strings(schema.get("required"));
        if (!required.equals(new TreeSet<>(REQUIRED_HEADERS))) {
            problems.add(DOC + ": " + ENVELOPE_SCHEMA + ".required must be " + new TreeSet<>(REQUIRED_HEADERS)
                    + " (what the outbox always writes); missing " + minus(REQUIRED_HEADERS, required)
                    + ", not always written " + minus(required, REQUIRED_HEADERS));
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ payloads

    /** Every component listed as nullable exists, every boxed one is listed, and no primitive is. */
    List<String> nullability() {
        List<String> problems = new ArrayList<>();
        Map<String, RecordComponent> known = new LinkedHashMap<>();
        for (Class<?> record : contracts.records()) {
            for (RecordComponent c : record.getRecordComponents()) {
                known.put(label(c), c);
            }
        }
        for (String listed : catalog.nullable()) {
            RecordComponent c = known.get(listed);
            if (c == null) {
                problems.add(NULLABLE + " lists '" + listed + "', which is no record component of the contracts"
                        + " (renamed or removed?)");
            } else if (c.getType().isPrimitive()) {
                problems.add(NULLABLE + " lists '" + listed + "', a " + c.getType() + ", which cannot be null");
            }
        }
        for (String listed : catalog.optional()) {
            RecordComponent c = known.get(listed);
            if (c == null) {
                problems.add(OPTIONAL + " lists '" + listed + "', which is no record component of the contracts"
                        + " (renamed or removed?)");
            } else if (c.getType().isPrimitive()) {
                problems.add(OPTIONAL + " lists '" + listed + "', a " + c.getType()
                        + ", which an older producer cannot leave out (it would read as 0 or false)");
            }
            if (catalog.nullable().contains(listed)) {
                problems.add(OPTIONAL + " and " + NULLABLE + " both list '" + listed + "': an optional component is"
                        + " never null (the record applies its default)");
            }
        }
        known.forEach((label, c) -> {
            boolean boxed = !c.getType().isPrimitive()
                    && (Number.class.isAssignableFrom(c.getType())
                            || c.getType() == Boolean.class
                            || c.getType() == Character.class);
            if (boxed && !catalog.nullable().contains(label)) {
                problems.add(label + " is a " + c.getType().getSimpleName() + " (boxed, so it can be null) but is not"
                        + " in " + NULLABLE + ": list it (and document the null in " + DOC + "), or make it a"
                        + " primitive");
            }
        });
        return problems;
    }

    /**
     * Every message's payload schema has exactly the JSON properties Jackson writes for its record, requires the
     * non-null ones, and types each property as it is written (ids as int64 strings, money as integers, instants as
     * date-time strings, enums with all their values, null only where the component may be null).
     */
    List<String> payloads() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> components = doc.map("components", "messages");
        catalog.messages().forEach((type, expected) -> {
            if (!components.containsKey(type)) {
                return; // reported by messages()
            }
            String where =
                    "message '" + type + "' payload (" + expected.record().getSimpleName() + ")";
            Map<String, Object> payload =
                    doc.resolveMap(doc.resolveMap(components.get(type)).get("payload"));
            if (payload.isEmpty()) {
                problems.add(DOC + ": " + where + " is missing");
                return;
            }
            if (!"object".equals(payload.get("type"))) {
                problems.add(DOC + ": " + where + " must be type: object, is " + payload.get("type"));
            }
            RecordWireShape.Shape shape = RecordWireShape.of(expected.record());
            problems.addAll(shape.problems());
            Map<String, Property> wire = shape.byJsonName();
            Map<String, Object> documented = doc.resolveMap(payload.get("properties"));

            minus(wire.keySet(), documented.keySet())
                    .forEach(name -> problems.add(DOC + ": " + where + " lacks property '" + name + "', written for "
                            + wire.get(name).componentLabel()));
            minus(documented.keySet(), wire.keySet())
                    .forEach(name -> problems.add(DOC + ": " + where
                            + " has property '" + name + "', which Jackson does not write for "
                            + expected.record().getSimpleName() + " (it writes " + wire.keySet() + ")"));

            Set<String> requiredExpected = wire.values().stream()
                    .filter(p -> p.component() != null
                            && !catalog.nullable().contains(label(p.component()))
                            && !catalog.optional().contains(label(p.component())))
                    .map(Property::json)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> required = strings(payload.get("required"));
            minus(requiredExpected, required)
                    .forEach(name -> problems.add(DOC + ": " + where + " must require '" + name + "': "
                            + wire.get(name).componentLabel() + " is never null (not in " + NULLABLE + ")"));
            minus(required, requiredExpected)
                    .forEach(name -> problems.add(DOC + ": " + where + " requires '" + name
                            + "', but "
                            + (wire.containsKey(name)
                                    ? wire.get(name).componentLabel()
                                            + (catalog.optional()
                                                            .contains(label(wire.get(name)
                                                                    .component()))
                                                    ? " may be left out by older producers (in " + OPTIONAL + ")"
                                                    : " may be null (in " + NULLABLE + ")")
                                    : "the record has no such property")));

            wire.forEach((name, property) -> {
                if (documented.containsKey(name)) {
                    problems.addAll(property(where + " property '" + name + "'", property, documented.get(name)));
                }
            });
        });
        return problems;
    }

    /** What a property's schema must say, given the record component behind it and how Jackson wrote it. */
    private List<String> property(String where, Property property, Object schema) {
        List<String> problems = new ArrayList<>();
        RecordComponent component = property.component();
        Class<?> javaType = component == null ? null : component.getType();
        String writtenAs = property.componentLabel() + ", written as a JSON "
                + property.kind().name().toLowerCase();

        String expectedType = switch (property.kind()) {
            case STRING -> "string";
            case NUMBER -> "integer";
            case BOOLEAN -> "boolean";
            case OTHER -> null;
        };
        if (expectedType == null) {
            return List.of(DOC + ": " + where + ": " + writtenAs + " is not a scalar; teach AsyncApiChecks about it");
        }
        String expectedFormat = null;
        Set<String> expectedEnum = null;
        if (javaType == long.class || javaType == Long.class) {
            expectedFormat = "int64";
        } else if (javaType == int.class || javaType == Integer.class) {
            expectedFormat = "int32";
        } else if (javaType == Instant.class && property.kind() == Kind.STRING) {
            expectedFormat = "date-time";
        } else if (javaType != null && javaType.isEnum()) {
            expectedEnum = enumValues(javaType);
        } else if (javaType != null
                && javaType != String.class
                && javaType != boolean.class
                && javaType != Boolean.class) {
            problems.add(DOC + ": " + where + ": " + writtenAs + ", a type AsyncApiChecks does not know; teach it");
        }

        SchemaShape shape;
        try {
            shape = SchemaShape.of(doc, schema);
        } catch (IllegalArgumentException e) {
            return List.of(DOC + ": " + where + ": " + e.getMessage());
        }
        boolean nullable = component != null && catalog.nullable().contains(label(component));
        if (shape.types() == null) {
            problems.add(DOC + ": " + where + " has no type; " + writtenAs + " needs type: " + expectedType);
            return problems;
        }
        if (shape.types().contains("null") != nullable) {
            problems.add(DOC + ": " + where
                    + (nullable
                            ? " must allow null (type: [" + expectedType + ", 'null'] or oneOf [..., {type: 'null'}]): "
                                    + property.componentLabel() + " is in " + NULLABLE
                            : " allows null, but " + property.componentLabel() + " is never null (not in " + NULLABLE
                                    + ")"));
        }
        Set<String> nonNull = minus(shape.types(), Set.of("null"));
        if (!nonNull.equals(Set.of(expectedType))) {
            problems.add(DOC + ": " + where + " has type " + nonNull + ", but " + writtenAs + ": expected "
                    + expectedType
                    + (property.kind() == Kind.STRING && expectedFormat != null && expectedFormat.startsWith("int")
                            ? " (an id the record writes as a string)"
                            : ""));
        }
        if (expectedFormat != null && !shape.formats().contains(expectedFormat)) {
            problems.add(DOC + ": " + where + " needs format: " + expectedFormat + " (" + writtenAs + "), has "
                    + shape.formats());
        }
        Set<String> documentedEnum = shape.enumValues() == null ? null : minus(shape.enumValues(), Set.of("null"));
        if (expectedEnum != null && !expectedEnum.equals(documentedEnum)) {
            problems.add(
                    DOC + ": " + where + " must list the values of " + javaType.getSimpleName() + " " + expectedEnum
                            + " as enum; "
                            + (documentedEnum == null
                                    ? "it has no enum"
                                    : "missing " + minus(expectedEnum, documentedEnum) + ", unknown "
                                            + minus(documentedEnum, expectedEnum)));
        }
        boolean optional = component != null && catalog.optional().contains(label(component));
        Object defaultValue = doc.resolveMap(schema).get("default");
        if (optional && defaultValue == null) {
            problems.add(DOC + ": " + where + " needs a default: " + property.componentLabel() + " is in " + OPTIONAL
                    + " (older producers leave it out), so say what its absence means");
        } else if (!optional && defaultValue != null) {
            problems.add(DOC + ": " + where + " has default " + defaultValue + ", but " + property.componentLabel()
                    + " is always written (not in " + OPTIONAL + ")");
        }
        if (expectedEnum == null && documentedEnum != null && !documentedEnum.isEmpty()) {
            problems.add(DOC + ": " + where + " restricts the values to " + documentedEnum + ", but " + writtenAs
                    + " accepts any; list known values as examples, or make the component an enum");
        }
        return problems;
    }

    /** Every enum of the contracts is a named schema with all its values; every code list one with its codes. */
    List<String> namedSchemas() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> schemas = doc.map("components", "schemas");
        for (Class<?> type : contracts.enums()) {
            Map<String, Object> schema = doc.resolveMap(schemas.get(type.getSimpleName()));
            Set<String> expected = enumValues(type);
            Set<String> actual = strings(schema.get("enum"));
            if (schema.isEmpty() || !expected.equals(actual)) {
                problems.add(DOC + ": components.schemas." + type.getSimpleName() + " must be the enum " + expected
                        + " of " + type.getName()
                        + (schema.isEmpty()
                                ? " (missing)"
                                : "; missing " + minus(expected, actual) + ", unknown " + minus(actual, expected)));
            }
        }
        for (Class<?> codes : contracts.codeLists()) {
            Map<String, Object> schema = doc.resolveMap(schemas.get(codes.getSimpleName()));
            Set<String> expected = ContractClasses.stringConstants(codes).stream()
                    .map(Constant::value)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> listed = strings(schema.get("examples"));
            if (schema.isEmpty() || !listed.containsAll(expected)) {
                problems.add(DOC + ": components.schemas." + codes.getSimpleName() + " must list the codes of "
                        + codes.getName() + " as examples"
                        + (schema.isEmpty() ? " (missing)" : "; missing " + minus(expected, listed)));
            }
        }
        return problems;
    }

    /** Every record of the contracts is the payload of some message: no undocumented contract. */
    List<String> records() {
        Set<Class<?>> mapped =
                catalog.messages().values().stream().map(Expected::record).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Class<?> record : contracts.records()) {
            if (!mapped.contains(record)) {
                problems.add(record.getName() + " is a contract record that no message carries: give it a type"
                        + " constant in its *Topics class, an entry in " + CATALOG + " and a message in " + DOC
                        + " (or remove it)");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ operations

    /**
     * Every operation is well formed (send/receive, one service tag, messages of its own channel); each context's
     * service receives its commands and sends its replies and events; every channel has a sender and every command
     * or reply channel a receiver; every message of a channel is sent by some operation.
     */
    List<String> operations() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> senders = new LinkedHashMap<>();
        Map<String, Set<String>> receivers = new LinkedHashMap<>();
        Map<String, Set<String>> sentMessages = new LinkedHashMap<>();
        Map<String, Object> channels = doc.map("channels");

        doc.map("operations").forEach((id, raw) -> {
            Map<String, Object> op = doc.resolveMap(raw);
            String where = DOC + ": operation " + id;
            Object action = op.get("action");
            if (!"send".equals(action) && !"receive".equals(action)) {
                problems.add(where + ": action must be send or receive, is " + action);
            }
            List<String> services = asList(op.get("tags")).stream()
                    .map(t -> String.valueOf(doc.resolveMap(t).get("name")))
                    .filter(n -> n.endsWith("-service"))
                    .toList();
            if (services.size() != 1) {
                problems.add(
                        where + ": needs exactly one tag naming the service (e.g. coupon-service), has " + services);
            }
            String channel = channelKey(op.get("channel"));
            if (channel == null || !channels.containsKey(channel)) {
                problems.add(where + ": channel must be a $ref to '#/channels/<key>' of an existing channel, is "
                        + op.get("channel"));
                return;
            }
            List<String> messages = messageNames(where, channel, op.get("messages"), problems);
            if (messages.isEmpty()) {
                problems.add(where + ": lists no messages");
            }
            if (op.get("reply") instanceof Map<?, ?> reply) {
                String replyChannel = channelKey(reply.get("channel"));
                if (replyChannel == null || !channels.containsKey(replyChannel)) {
                    problems.add(where + ": reply.channel must be a $ref to '#/channels/<key>' of an existing"
                            + " channel, is " + reply.get("channel"));
                } else {
                    messageNames(where + " reply", replyChannel, reply.get("messages"), problems);
                }
            }
            String service = services.isEmpty() ? "?" : services.getFirst();
            (("send".equals(action)) ? senders : receivers)
                    .computeIfAbsent(channel, k -> new TreeSet<>())
                    .add(service);
            if ("send".equals(action)) {
                sentMessages.computeIfAbsent(channel, k -> new TreeSet<>()).addAll(messages);
            }
        });

        Map<String, String> keyByAddress = new LinkedHashMap<>();
        channels.forEach((key, raw) ->
                keyByAddress.put(String.valueOf(doc.resolveMap(raw).get("address")), key));
        for (Constant topic : contracts.topics()) {
            String key = keyByAddress.get(topic.value());
            if (key == null) {
                continue; // reported by channels()
            }
            String owner = topic.context() + "-service";
            boolean commands = topic.value().endsWith(".commands");
            Map<String, Set<String>> side = commands ? receivers : senders;
            if (!side.getOrDefault(key, Set.of()).contains(owner)) {
                problems.add(DOC + ": no operation of " + owner + " " + (commands ? "receives" : "sends") + " on " + key
                        + " (" + topic.value() + "); add one tagged " + owner);
            }
            if (senders.getOrDefault(key, Set.of()).isEmpty()) {
                problems.add(DOC + ": no operation sends on " + key + " (" + topic.value() + ")");
            }
            if (!topic.value().endsWith(".events")
                    && receivers.getOrDefault(key, Set.of()).isEmpty()) {
                problems.add(DOC + ": no operation receives from " + key + " (" + topic.value() + ")");
            }
            Set<String> onChannel = doc.resolveMap(
                            doc.resolveMap(channels.get(key)).get("messages"))
                    .keySet();
            minus(onChannel, sentMessages.getOrDefault(key, Set.of()))
                    .forEach(m -> problems.add(DOC + ": message '" + m + "' of " + key + " (" + topic.value()
                            + ") is sent by no operation"));
        }
        return problems;
    }

    private List<String> messageNames(String where, String channel, Object refs, List<String> problems) {
        List<String> names = new ArrayList<>();
        String prefix = "#/channels/" + channel + "/messages/";
        for (Object item : asList(refs)) {
            Object ref = item instanceof Map<?, ?> m ? m.get("$ref") : null;
            if (!(ref instanceof String s) || !s.startsWith(prefix)) {
                problems.add(where + ": message " + item + " must be a $ref under '" + prefix + "' (an operation"
                        + " sends or receives only messages of its channel)");
            } else if (doc.pointer(s).isEmpty()) {
                problems.add(where + ": message $ref '" + s + "' does not resolve");
            } else {
                names.add(s.substring(prefix.length()));
            }
        }
        return names;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * A property schema reduced to what the checks compare, through {@code $ref}, {@code allOf} (all must hold) and
     * {@code oneOf}/{@code anyOf} (one of them).
     *
     * @param types the JSON types allowed, {@code "null"} included; null = unconstrained
     */
    record SchemaShape(Set<String> types, Set<String> formats, Set<String> enumValues) {

        static SchemaShape of(AsyncApiDocument doc, Object node) {
            Map<String, Object> s = doc.resolveMap(node);
            List<SchemaShape> all = new ArrayList<>();
            Set<String> ownTypes = s.get("type") == null ? null : strings(s.get("type"));
            Set<String> ownEnum = s.containsKey("enum")
                    ? new TreeSet<>(
                            asList(s.get("enum")).stream().map(String::valueOf).toList())
                    : null;
            if (ownEnum != null && asList(s.get("enum")).contains(null)) {
                ownTypes = ownTypes == null ? null : union(ownTypes, Set.of("null"));
            }
            all.add(new SchemaShape(
                    ownTypes, s.get("format") == null ? Set.of() : Set.of(String.valueOf(s.get("format"))), ownEnum));
            for (Object part : asList(s.get("allOf"))) {
                all.add(of(doc, part));
            }
            for (String key : List.of("oneOf", "anyOf")) {
                List<SchemaShape> alternatives =
                        asList(s.get(key)).stream().map(p -> of(doc, p)).toList();
                if (!alternatives.isEmpty()) {
                    all.add(anyOf(alternatives));
                }
            }
            return allOf(all);
        }

        private static SchemaShape allOf(List<SchemaShape> parts) {
            Set<String> types = null;
            Set<String> formats = new TreeSet<>();
            Set<String> enums = null;
            for (SchemaShape p : parts) {
                if (p.types() != null) {
                    types = types == null ? new TreeSet<>(p.types()) : intersect(types, p.types());
                }
                formats.addAll(p.formats());
                if (p.enumValues() != null) {
                    enums = enums == null ? new TreeSet<>(p.enumValues()) : intersect(enums, p.enumValues());
                }
            }
            return new SchemaShape(types, formats, enums);
        }

        private static SchemaShape anyOf(List<SchemaShape> alternatives) {
            Set<String> types = new TreeSet<>();
            Set<String> formats = new TreeSet<>();
            Set<String> enums = null;
            for (SchemaShape a : alternatives) {
                if (a.types() == null) {
                    types = null;
                } else if (types != null) {
                    types.addAll(a.types());
                }
                formats.addAll(a.formats());
                if (a.enumValues() != null) {
                    enums = enums == null ? new TreeSet<>(a.enumValues()) : union(enums, a.enumValues());
                }
            }
            return new SchemaShape(types, formats, enums);
        }
    }

    private Object resolveOrNull(Object node) {
        try {
            return doc.resolve(node);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String channelKey(Object channelRef) {
        if (channelRef instanceof Map<?, ?> m
                && m.get("$ref") instanceof String ref
                && ref.startsWith("#/channels/")
                && ref.indexOf('/', "#/channels/".length()) < 0) {
            return ref.substring("#/channels/".length());
        }
        return null;
    }

    static String label(RecordComponent c) {
        return c.getDeclaringRecord().getSimpleName() + "." + c.getName();
    }

    /** The enum's values as Jackson writes them. */
    static Set<String> enumValues(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(RecordWireShape::writeValue)
                .map(json -> json.startsWith("\"") ? json.substring(1, json.length() - 1) : json)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> strings(Object node) {
        if (node instanceof String s) {
            return new TreeSet<>(Set.of(s));
        }
        return asList(node).stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean blank(Object value) {
        return value == null || String.valueOf(value).isBlank();
    }

    static <T> Set<T> minus(Collection<T> a, Collection<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.retainAll(b);
        return result;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.addAll(b);
        return result;
    }
}

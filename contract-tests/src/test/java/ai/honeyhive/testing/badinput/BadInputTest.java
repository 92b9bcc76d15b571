package ai.honeyhive.testing.badinput;

import static ai.honeyhive.testing.badinput.Expect.accepted;
import static ai.honeyhive.testing.badinput.Expect.refusedBeforeSending;
import static ai.honeyhive.testing.badinput.Expect.serverAnswers;
import static ai.honeyhive.testing.badinput.Expect.throwsHoneyHive;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.Event;
import ai.honeyhive.client.model.EventType;
import ai.honeyhive.errors.BadRequestException;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.errors.InternalServerException;
import ai.honeyhive.testing.FaultPlan;
import ai.honeyhive.testing.ServerFault;
import ai.honeyhive.testing.StoredEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input, one row per case with its expected outcome: on the client side (values with no JSON form,
 * missing or unknown fields, oversized payloads, invalid UUIDs) and on the server side (truncated JSON, an HTML 502,
 * wrong types in an answer, injected with {@link ServerFault}). The client never lets a bare NullPointerException,
 * ClassCastException or StackOverflowError escape for bad data: it refuses arguments at the call site with an
 * exception naming the argument, and surfaces bad answers as a {@link HoneyHiveException}. The table prints at the
 * end.
 */
class BadInputTest {
  private static final String ABSENT_ID = "0d9c3a3e-5a43-4b9e-9f60-2b0fd1c7a001";
  /** Oversized: no limit is published, so 5 MB (ten times a large prompt) must go through in one request. */
  private static final int FIVE_MB = 5 * 1024 * 1024;
  private static final List<String> TABLE = Collections.synchronizedList(new ArrayList<>());

  static Stream<Row> rows() {
    return Stream.of(
        // ---- Client side: values, fields and ids the caller gets wrong --------------------------------------------
        new Row("wrong type: a bare Object in inputs", null,
            f -> f.session.tool("lookup").inputs(Map.of("conn", new Object())).log(),
            refusedBeforeSending(IllegalArgumentException.class, "inputs.conn cannot be written as JSON")),
        new Row("wrong type: a Thread in inputs (no JSON form)", null,
            f -> f.session.tool("lookup").inputs(Map.of("conn", Thread.currentThread())).log(),
            refusedBeforeSending(IllegalArgumentException.class,
                "inputs.conn cannot be written as JSON: a value of type java.lang.Thread has no JSON form")),
        new Row("wrong type: NaN in metrics", null,
            f -> f.session.tool("lookup").metrics(Map.of("score", Double.NaN)).log(),
            refusedBeforeSending(IllegalArgumentException.class, "metrics.score must be a finite number")),
        new Row("wrong type: a non-string key in metadata", null,
            f -> f.session.tool("lookup").metadata(Map.of("m", Map.of(1, "x"))).log(),
            refusedBeforeSending(IllegalArgumentException.class, "metadata.m has a key that is not a string")),
        new Row("wrong type: inputs that contain themselves", null,
            f -> f.session.tool("lookup").inputs(selfReferencing()).log(),
            refusedBeforeSending(IllegalArgumentException.class, "inputs.self")),
        new Row("missing: a null event name", null,
            f -> f.session.tool(null),
            refusedBeforeSending(NullPointerException.class, "name == null")),
        new Row("missing: a blank event name", null,
            f -> f.session.tool("  "),
            refusedBeforeSending(IllegalArgumentException.class, "name must not be blank")),
        new Row("missing: no inputs (the API requires them)", null,
            f -> f.session.tool("lookup").log(),
            accepted("sent with inputs {}", o -> assertThat(o.fixture().server.event((String) o.result())
                .map(StoredEvent::inputs)).hasValue(Map.of()))),
        new Row("missing: inputs, through the generated client", null,
            f -> Fixture.Answer.of(f.hh.raw().events()
                .createEvent(new ai.honeyhive.client.model.Event().eventType(EventType.TOOL)).execute()),
            serverAnswers(400, "body: Object has missing required properties ([\\\"inputs\\\"])")),
        new Row("missing: event_type, through the generated client", null,
            f -> Fixture.Answer.of(f.hh.raw().events()
                .createEvent(new ai.honeyhive.client.model.Event().inputs(Map.of())).execute()),
            serverAnswers(400, "body: Object has missing required properties ([\\\"event_type\\\"])")),
        new Row("unknown field: project on strict POST /v1/events", null,
            f -> f.post("/v1/events", "{\"project\":\"acme\",\"event_type\":\"tool\",\"inputs\":{}}"),
            serverAnswers(400, "body: unrecognized key 'project'")),
        new Row("unknown field: is_single_session on strict POST /v1/events/batch", null,
            f -> f.post("/v1/events/batch", "{\"is_single_session\":true,\"events\":[]}"),
            serverAnswers(400, "body: unrecognized key 'is_single_session'")),
        new Row("unknown field: project on lenient legacy POST /events", null,
            f -> f.post("/events", "{\"event\":{\"project\":\"acme\",\"event_type\":\"tool\",\"inputs\":{}}}"),
            serverAnswers(200, "\"success\":true")),
        new Row("wrong type on the wire: inputs is a string", null,
            f -> f.post("/v1/events", "{\"event_type\":\"tool\",\"inputs\":\"what\"}"),
            serverAnswers(400, "inputs: Instance type (string) does not match any allowed primitive type")),
        new Row("wrong type on the wire: start_time is a date string", null,
            f -> f.post("/v1/events", "{\"event_type\":\"tool\",\"inputs\":{},\"start_time\":\"yesterday\"}"),
            serverAnswers(400, "start_time: ")),
        new Row("oversized: 5 MB of inputs", null,
            f -> f.session.tool("lookup").inputs(Map.of("blob", "x".repeat(FIVE_MB))).log(),
            accepted("sent in one request and stored whole", o -> assertThat(o.fixture().server
                .event((String) o.result()).map(e -> ((String) e.inputs().get("blob")).length())).hasValue(FIVE_MB))),
        new Row("invalid UUID: eventId(\"1-2-3-4-5\")", null,
            f -> f.session.tool("lookup").eventId("1-2-3-4-5"),
            refusedBeforeSending(IllegalArgumentException.class, "eventId must be a UUID")),
        new Row("blank id: getEvent(\" \")", null,
            f -> f.hh.getEvent(" "),
            refusedBeforeSending(IllegalArgumentException.class, "eventId must be a non-blank id")),
        new Row("invalid UUID: attachSession(\"\")", null,
            f -> f.hh.attachSession(""),
            refusedBeforeSending(IllegalArgumentException.class, "sessionId must be a UUID")),
        new Row("wrong type on the wire: event_id 42 in the body", null,
            f -> f.post("/v1/events", "{\"event_id\":42,\"event_type\":\"tool\",\"inputs\":{}}"),
            serverAnswers(400, "event_id: Instance type (integer) does not match any allowed primitive type")),
        new Row("an id that is not a UUID in the body, which HoneyHive types as a plain string", null,
            f -> f.post("/v1/events", "{\"event_id\":\"otel-4bf92f35\",\"event_type\":\"tool\",\"inputs\":{}}"),
            serverAnswers(200, "\"event_id\":\"otel-4bf92f35\"")),
        new Row("invalid UUID on the wire: the path of GET /v1/events/{event_id}", null,
            f -> f.get("/v1/events/not-a-uuid"),
            serverAnswers(400, "path parameter event_id: Input string \\\"not-a-uuid\\\" is not a valid UUID")),

        // ---- Server side: answers that are cut off, not JSON, or of the wrong types ------------------------------
        new Row("truncated JSON answering getEvent", on("getEvent", ServerFault.truncatedBody()),
            f -> f.hh.getEvent(f.session.tool("lookup").log()),
            throwsHoneyHive(HoneyHiveException.class, "succeeded but its response could not be read")),
        new Row("truncated JSON answering searchEvents", on("searchEvents", ServerFault.truncatedBody()),
            f -> {
              f.session.tool("lookup").log();
              return f.hh.searchEvents().fetch();
            },
            throwsHoneyHive(HoneyHiveException.class, "succeeded but its response could not be read")),
        new Row("truncated JSON answering createEvent", on("createEvent", ServerFault.truncatedBody()),
            f -> f.session.tool("lookup").log(),
            accepted("a write's status decides; its body is not needed", o ->
                assertThat(o.fixture().server.event((String) o.result())).isPresent())),
        new Row("HTML 502 answering createEvent", on("createEvent", ServerFault.badGatewayHtml()),
            f -> f.session.tool("lookup").log(),
            throwsHoneyHive(InternalServerException.class,
                "failed with HTTP 502: non-JSON response: 502 Bad Gateway 502 Bad Gateway nginx")),
        new Row("HTML 502 answering getEvent", on("getEvent", ServerFault.badGatewayHtml()),
            f -> f.hh.getEvent(ABSENT_ID),
            throwsHoneyHive(InternalServerException.class, "failed with HTTP 502: non-JSON response")),
        new Row("wrong type: event_id 42 answering createEvent",
            answering("createEvent", "{\"event_id\":42,\"success\":true}"),
            f -> f.session.tool("lookup").log(),
            accepted("a write's status decides; its body is not needed", o ->
                assertThat(o.fixture().server.event((String) o.result())).isPresent())),
        new Row("wrong type: event_id 42 answering getEvent",
            answering("getEvent", "{\"event\":{\"event_id\":42}}"),
            f -> f.hh.getEvent(ABSENT_ID),
            accepted("Moshi reads a number where a string id is expected as its text", o ->
                assertThat(((ai.honeyhive.Event) o.result()).eventId()).isEqualTo("42"))),
        new Row("wrong type: start_time \"yesterday\" answering getEvent",
            answering("getEvent", storedEvent(",\"start_time\":\"yesterday\"")),
            f -> f.hh.getEvent(ABSENT_ID),
            throwsHoneyHive(HoneyHiveException.class, "Expected a number but was STRING at path $.event.start_time")),
        new Row("wrong type: events is a string answering searchEvents",
            answering("searchEvents", "{\"events\":\"nope\",\"count\":\"x\"}"),
            f -> f.hh.searchEvents().fetch(),
            throwsHoneyHive(HoneyHiveException.class, "Expected BEGIN_ARRAY but was STRING at path $.events")),
        new Row("missing: event is null answering getEvent",
            answering("getEvent", "{\"event\":null}"),
            f -> f.hh.getEvent(ABSENT_ID),
            throwsHoneyHive(HoneyHiveException.class, "succeeded but its response had no event")),
        new Row("missing: an empty 200 body answering getEvent",
            answering("getEvent", ""),
            f -> f.hh.getEvent(ABSENT_ID),
            throwsHoneyHive(HoneyHiveException.class, "succeeded but its response could not be read")),
        new Row("unknown value: event_type \"banana\" answering getEvent",
            answering("getEvent", storedEvent("").replace("\"tool\"", "\"banana\"")),
            f -> f.hh.getEvent(ABSENT_ID),
            accepted("the event, with type() null (a newer server may add types)", o ->
                assertThat(((Event) o.result()).type()).isNull())),
        new Row("wrong shape: a 500 whose JSON error body has the wrong types",
            on("createEvent",
                ServerFault.replaceAnswer(500, "application/json", "{\"statusCode\":\"x\",\"message\":42}")),
            f -> f.session.tool("lookup").log(),
            throwsHoneyHive(InternalServerException.class, "failed with HTTP 500")),
        new Row("wrong shape: a 400 with an HTML body",
            on("createEvent", ServerFault.replaceAnswer(400, "text/html", "<html><body>Bad request</body></html>")),
            f -> f.session.tool("lookup").log(),
            throwsHoneyHive(BadRequestException.class, "failed with HTTP 400: non-JSON response: Bad request")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachMalformedInputHasItsExpectedOutcome(Row row) {
    try (Fixture fixture = new Fixture(row.fault())) {
      int requestsBefore = fixture.server.exchanges().size();
      Object result = null;
      Throwable thrown = null;
      try {
        result = row.action().run(fixture);
      } catch (StackOverflowError | Exception e) {
        thrown = e;
      }
      TABLE.add(row.input() + " | expected: " + row.expected().describe() + " | got: " + describe(result, thrown));
      row.expected().check(fixture, result, thrown, requestsBefore);
    }
  }

  @AfterAll
  static void printTheTable() {
    System.out.println("Bad-input table (" + TABLE.size() + " rows): input | expected | got");
    TABLE.forEach(line -> System.out.println("  " + line));
  }

  static String describe(Object result, Throwable thrown) {
    String text = thrown != null ? thrown.getClass().getSimpleName() + ": " + thrown.getMessage()
        : result instanceof String && ((String) result).length() == 36 ? "returned event id"
        : "returned " + result;
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }

  private static FaultPlan on(String operationId, ServerFault fault) {
    return FaultPlan.builder(fault).operations(operationId).build();
  }

  /** Answers {@code operationId} with 200 and {@code json}, after handling the request. */
  private static FaultPlan answering(String operationId, String json) {
    return on(operationId, ServerFault.replaceAnswer(200, "application/json", json));
  }

  /** A well-formed {@code getEvent} answer, with {@code extra} fields appended to the event. */
  private static String storedEvent(String extra) {
    return "{\"event\":{\"event_id\":\"" + ABSENT_ID + "\",\"session_id\":\"" + ABSENT_ID
        + "\",\"event_type\":\"tool\",\"event_name\":\"lookup\",\"inputs\":{}" + extra + "}}";
  }

  private static Map<String, Object> selfReferencing() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("self", inputs);
    return inputs;
  }

  /** What a row does with the fixture; returns what the call returned. */
  @FunctionalInterface
  interface Action {
    Object run(Fixture fixture) throws Exception;
  }

  /**
   * One row of the table.
   *
   * @param input the malformed input, as the table prints it
   * @param fault the server-side fault, or null
   * @param action what the row does
   * @param expected the expected outcome
   */
  record Row(String input, FaultPlan fault, Action action, Expect expected) {
    @Override
    public String toString() {
      return input;
    }
  }
}

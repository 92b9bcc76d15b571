package ai.honeyhive.testing.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A request on the wire, in the shape HoneyHive's own clients send it, that HoneyHive's spec accepts ({@code valid})
 * or refuses. The same probes run against the test server and against Prism serving this project's spec (in CI), and
 * by hand against Prism serving HoneyHive's own spec 1.9.0: all three must give the same verdict, so that accepting
 * and refusing mean the same here as at HoneyHive.
 *
 * @param item what the probe is about, such as {@code float times}
 * @param name the variant, such as {@code start_time 1796522827968.0}
 * @param method the HTTP method
 * @param path the path, with ids filled in
 * @param body the JSON body, or null
 * @param valid whether HoneyHive's spec accepts it
 */
record WireProbe(String item, String name, String method, String path, String body, boolean valid) {
  /** An event and a session every run has first, so that the update probes find what they update. */
  static final String EVENT_ID = "5f3c0a9e-8d1b-4c6a-9e2f-7a1b3c5d7e90";
  static final String SESSION_ID = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

  private static final MediaType JSON = MediaType.get("application/json");

  /** The requests that make the stored state the probes rely on; they are valid everywhere. */
  static List<WireProbe> setup() {
    return List.of(
        valid("setup", "an event to update", "POST", "/v1/events",
            "{\"event_id\":\"" + EVENT_ID + "\",\"event_type\":\"tool\",\"inputs\":{},\"outputs\":{\"draft\":\"one\"}}"),
        valid("setup", "a session to add traces to", "POST", "/v1/sessions",
            "{\"session_id\":\"" + SESSION_ID + "\",\"session_name\":\"probes\"}"));
  }

  /** Every probe, a valid and an invalid variant of each thing HoneyHive's clients do that a fake must get right. */
  static List<WireProbe> all() {
    String event = "\"event_type\":\"tool\",\"inputs\":{}";
    String searchFilter = "{\"filters\":[%s]}";
    return List.of(
        valid("float times", "start_time, end_time, duration as floats", "POST", "/v1/events",
            "{" + event + ",\"start_time\":1796522827968.0,\"end_time\":1796522828001.5,\"duration\":33.5}"),
        invalid("float times", "start_time as a string", "POST", "/v1/events",
            "{" + event + ",\"start_time\":\"1796522827968\"}"),
        valid("float times", "a session start at a float time", "POST", "/v1/sessions",
            "{\"session_name\":\"py\",\"start_time\":1796522827968.0,\"end_time\":1796522829000.0}"),
        invalid("float times", "a session start at a string time", "POST", "/v1/sessions",
            "{\"session_name\":\"py\",\"start_time\":\"now\"}"),
        valid("ids", "event, session and parent ids that are not UUIDs", "POST", "/v1/events",
            "{\"event_id\":\"otel-4bf92f3577b34da6\",\"session_id\":\"sess-1\",\"parent_id\":\"00f067aa0ba902b7\","
                + event + ",\"children_ids\":[\"child-1\"]}"),
        invalid("ids", "an event id that is a number", "POST", "/v1/events", "{\"event_id\":42," + event + "}"),
        invalid("ids", "a path id that is not a UUID", "PUT", "/v1/events/otel-4bf92f35", "{\"metadata\":{}}"),
        valid("update", "children_ids [] (ignored)", "PUT", "/v1/events/" + EVENT_ID, "{\"children_ids\":[]}"),
        invalid("update", "children_ids holding a number", "PUT", "/v1/events/" + EVENT_ID, "{\"children_ids\":[42]}"),
        valid("update", "outputs null on the v1 update", "PUT", "/v1/events/" + EVENT_ID, "{\"outputs\":null}"),
        valid("update", "outputs null on the legacy update", "PUT", "/events",
            "{\"event_id\":\"" + EVENT_ID + "\",\"outputs\":null,\"end_time\":1796522829000.0}"),
        invalid("update", "outputs a string on the legacy update", "PUT", "/events",
            "{\"event_id\":\"" + EVENT_ID + "\",\"outputs\":\"done\"}"),
        invalid("update", "the legacy update without event_id", "PUT", "/events", "{\"metadata\":{}}"),
        valid("session_properties", "open: keys HoneyHive does not document", "POST", "/v1/events/batch",
            "{\"events\":[{" + event + "}],\"single_session\":true,\"session_properties\":"
                + "{\"session_name\":\"s\",\"source\":\"py\",\"start_time\":1796522827968.0,\"end_time\":1796522829.0}}"),
        invalid("session_properties", "a string", "POST", "/v1/events/batch",
            "{\"events\":[{" + event + "}],\"session_properties\":\"s\"}"),
        invalid("strict routes", "is_single_session on the v1 batch", "POST", "/v1/events/batch",
            "{\"events\":[{" + event + "}],\"is_single_session\":true}"),
        invalid("strict routes", "project on the v1 session start", "POST", "/v1/sessions", "{\"project\":\"acme\"}"),
        valid("legacy model events", "flat fields, no event_type, no inputs", "POST", "/events/model",
            "{\"model_event\":{\"project\":\"acme\",\"model\":\"gpt-4o\",\"provider\":\"openai\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"response\":{\"role\":\"assistant\",\"content\":\"hello\"},\"usage\":{\"prompt_tokens\":3},"
                + "\"cost\":0.0001,\"hyperparameters\":{\"temperature\":0.2},\"duration\":12.5}}"),
        invalid("legacy model events", "an event_type outside the enum", "POST", "/events/model",
            "{\"model_event\":{\"event_type\":\"banana\"}}"),
        valid("legacy model events", "a batch of flat model events", "POST", "/events/model/batch",
            "{\"model_events\":[{\"model_name\":\"gpt-4o\",\"messages\":[]}],\"is_single_session\":false}"),
        invalid("legacy model events", "model_events a string", "POST", "/events/model/batch",
            "{\"model_events\":\"x\"}"),
        valid("legacy batch", "an event without type, session alias, single_session", "POST", "/events/batch",
            "{\"events\":[{\"event_name\":\"no-type\"}],\"single_session\":true,\"session\":{\"session_name\":\"l\"}}"),
        invalid("legacy batch", "no events", "POST", "/events/batch", "{\"single_session\":true}"),
        valid("legacy session start", "event_name and the ignored project", "POST", "/session/start",
            "{\"session\":{\"project\":\"acme\",\"session_name\":\"s\",\"event_name\":\"e\","
                + "\"start_time\":1796522827968.0}}"),
        invalid("legacy session start", "session a string", "POST", "/session/start", "{\"session\":\"s\"}"),
        valid("filter values", "a number, a boolean and null for exists", "POST", "/v1/events/search",
            String.format(searchFilter, "{\"field\":\"metadata.cost\",\"operator\":\"greater than\",\"value\":0.5,"
                + "\"type\":\"number\"},{\"field\":\"metadata.cached\",\"operator\":\"is\",\"value\":true,"
                + "\"type\":\"boolean\"},{\"field\":\"error\",\"operator\":\"exists\",\"value\":null}")),
        invalid("filter values", "exists without a value", "POST", "/v1/events/search",
            String.format(searchFilter, "{\"field\":\"error\",\"operator\":\"exists\"}")),
        invalid("filter values", "an object as the value", "POST", "/v1/events/search",
            String.format(searchFilter, "{\"field\":\"x\",\"operator\":\"is\",\"value\":{\"a\":1}}")),
        valid("date ranges", "both ends", "POST", "/v1/events/search",
            "{\"dateRange\":{\"start_time\":\"2026-01-01T00:00:00Z\",\"end_time\":\"2026-12-01T00:00:00Z\"},"
                + "\"limit\":10,\"page\":1}"),
        invalid("date ranges", "one end", "POST", "/v1/events/search",
            "{\"dateRange\":{\"start_time\":\"2026-01-01T00:00:00Z\"}}"),
        valid("export", "typed filter, both ends, float limit and page", "POST", "/v1/events/export",
            "{\"filters\":[{\"field\":\"event_type\",\"operator\":\"is\",\"value\":\"model\",\"type\":\"string\"}],"
                + "\"dateRange\":{\"$gte\":\"2026-01-01T00:00:00Z\",\"$lte\":\"2026-12-01T00:00:00Z\"},"
                + "\"limit\":10.0,\"page\":1.0}"),
        invalid("export", "a filter without its type", "POST", "/v1/events/export",
            "{\"filters\":[{\"field\":\"event_type\",\"operator\":\"is\",\"value\":\"model\"}]}"),
        invalid("export", "a date range with one end", "POST", "/v1/events/export",
            "{\"dateRange\":{\"$gte\":\"2026-01-01T00:00:00Z\"}}"),
        valid("session traces", "events, with a float time", "POST", "/session/" + SESSION_ID + "/traces",
            "{\"events\":[{" + event + ",\"start_time\":1796522827968.0}]}"),
        valid("session traces", "the older logs, to a session id that is not a UUID", "POST",
            "/session/sess-from-elsewhere/traces", "{\"logs\":[{\"event_name\":\"no-type\"}]}"),
        invalid("session traces", "an event_type outside the enum", "POST", "/session/" + SESSION_ID + "/traces",
            "{\"events\":[{\"event_type\":\"banana\"}]}"),
        valid("events schema", "no parameters", "GET", "/v1/events/schema", null),
        valid("events schema", "evaluation_id and a string date range", "GET",
            "/v1/events/schema?evaluation_id=run-1&dateRange=last-7-days", null));
  }

  private static WireProbe valid(String item, String name, String method, String path, String body) {
    return new WireProbe(item, name, method, path, body, true);
  }

  private static WireProbe invalid(String item, String name, String method, String path, String body) {
    return new WireProbe(item, name, method, path, body, false);
  }

  /** Sends the probe to {@code baseUrl} and returns the status of the answer. */
  int send(OkHttpClient http, String baseUrl) {
    Request request = new Request.Builder()
        .url(baseUrl + path)
        .header("Authorization", "Bearer hh-probe-key")
        .method(method, body == null ? null : RequestBody.create(body, JSON))
        .build();
    try (Response response = http.newCall(request).execute()) {
      return response.code();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " could not be sent", e);
    }
  }

  /** The verdict an answer's status means: accepted (2xx), refused (400 or 422), or something else. */
  static String verdict(int status) {
    return status >= 200 && status < 300 ? "accepted" : status == 400 || status == 422 ? "refused" : "other " + status;
  }

  /** The verdict HoneyHive's spec gives. */
  String expected() {
    return valid ? "accepted" : "refused";
  }

  @Override
  public String toString() {
    return item + ": " + name + " (" + method + " " + path + ")";
  }
}

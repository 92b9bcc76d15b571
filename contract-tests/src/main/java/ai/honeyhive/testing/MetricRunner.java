package ai.honeyhive.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code runMetric} and {@code runMetricLegacy}, imitated: HoneyHive runs the metric's Python code or asks its LLM;
 * this server runs nothing and answers by a fixed, documented rule, so that tests stay offline and deterministic.
 * Only the shapes and the error cases are HoneyHive's, never the results. In order:
 *
 * <ol>
 *   <li>400 {@code BAD_REQUEST} when {@code metric.needs_ground_truth} is true and the event has no
 *       {@code feedback.ground_truth}, or an {@code LLM} metric lacks {@code model_provider} or {@code model_name};
 *   <li>422 {@code compilation_error} when a {@code PYTHON} criteria has unbalanced brackets, 422
 *       {@code execution_error} when it contains a {@code raise} statement, 422 {@code template_render_error} when
 *       an {@code LLM} criteria has unbalanced <code>{{</code> <code>}}</code>;
 *   <li>otherwise the event <em>matches</em> when its {@code outputs} equal {@code feedback.ground_truth}, or hold
 *       exactly one value equal to it (without ground truth: when {@code outputs} is not empty), and the result is,
 *       by {@code return_type}: boolean the match, float 1.0 or 0.0, string {@code "pass"} or {@code "fail"},
 *       categorical the first category on a match and the last otherwise (null without categories).
 * </ol>
 *
 * The answer is {@code success: true}, {@code loading: false}, and an {@code explanation} for {@code LLM} metrics
 * only. Nothing is stored.
 */
final class MetricRunner {
  private static final Pattern RAISE = Pattern.compile("(^|\\s)raise(\\s|$)", Pattern.MULTILINE);

  /** Answers a {@code RunMetricRequest}. */
  Reply run(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    Map<String, Object> metric = Routes.object(body, "metric");
    Map<String, Object> event = Routes.object(body, "event");
    Map<String, Object> feedback = Routes.object(event, "feedback");
    Object groundTruth = feedback.get("ground_truth");
    if (Boolean.TRUE.equals(metric.get("needs_ground_truth")) && groundTruth == null) {
      return Reply.error(400, "BAD_REQUEST",
          "event.feedback.ground_truth: required, metric.needs_ground_truth is true");
    }
    String configError = MetricDefinitions.crossFieldError(metric, "metric.");
    if (configError != null) {
      return Reply.error(400, "BAD_REQUEST", configError);
    }
    boolean llm = "LLM".equals(metric.get("type"));
    String criteria = String.valueOf(metric.get("criteria"));
    String failure = llm ? templateError(criteria) : pythonError(criteria);
    if (failure != null) {
      return Reply.error(422, failure.substring(0, failure.indexOf(' ')), failure.substring(failure.indexOf(' ') + 1));
    }
    Object outputs = event.get("outputs");
    boolean match = groundTruth != null ? matches(outputs, groundTruth)
        : outputs instanceof Map && !((Map<?, ?>) outputs).isEmpty();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("success", true);
    answer.put("loading", false);
    answer.put("result", result(metric, match));
    answer.put("explanation", llm ? "HoneyHive test server: the outputs " + (match ? "match" : "do not match")
        + (groundTruth != null ? " the ground truth" : " (not empty)") + "; no model was asked" : null);
    return Reply.ok(answer);
  }

  /** {@code "<errorCode> <message>"} for code this server refuses to "compile" or "run", else null. */
  private static String pythonError(String code) {
    int depth = 0;
    for (char c : code.toCharArray()) {
      depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
      if (depth < 0) {
        break;
      }
    }
    if (depth != 0) {
      return "compilation_error SyntaxError: unbalanced brackets in metric.criteria";
    }
    if (RAISE.matcher(code).find()) {
      return "execution_error The metric's code raised an exception (metric.criteria contains 'raise')";
    }
    return null;
  }

  private static String templateError(String prompt) {
    int opened = prompt.split("\\{\\{", -1).length - 1;
    int closed = prompt.split("}}", -1).length - 1;
    return opened == closed ? null
        : "template_render_error metric.criteria: unbalanced '{{' and '}}' in the prompt template";
  }

  private static boolean matches(Object outputs, Object groundTruth) {
    if (Objects.equals(outputs, groundTruth)) {
      return true;
    }
    return outputs instanceof Map && ((Map<?, ?>) outputs).size() == 1
        && Objects.equals(((Map<?, ?>) outputs).values().iterator().next(), groundTruth);
  }

  private static Object result(Map<String, Object> metric, boolean match) {
    Object returnType = metric.getOrDefault("return_type", "float");
    if ("boolean".equals(returnType)) {
      return match;
    }
    if ("string".equals(returnType)) {
      return match ? "pass" : "fail";
    }
    if ("categorical".equals(returnType)) {
      List<Object> categories = Json.array(metric.get("categories"));
      if (categories == null || categories.isEmpty()) {
        return null;
      }
      Object category = categories.get(match ? 0 : categories.size() - 1);
      return Json.object(category) == null ? null : Json.object(category).get("category");
    }
    return match ? 1.0 : 0.0;
  }
}

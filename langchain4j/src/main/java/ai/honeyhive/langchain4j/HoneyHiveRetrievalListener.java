package ai.honeyhive.langchain4j;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.Span;
import ai.honeyhive.langchain4j.internal.retrieval.RetrievalCalls;
import ai.honeyhive.langchain4j.internal.retrieval.RetrievalMapping;
import ai.honeyhive.langchain4j.internal.support.Capture;
import ai.honeyhive.langchain4j.internal.support.Safely;
import dev.langchain4j.model.embedding.listener.EmbeddingModelErrorContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelRequestContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelResponseContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverErrorContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverListener;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverRequestContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverResponseContext;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreErrorContext;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreListener;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreRequestContext;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreResponseContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Records LangChain4j's embedding calls, embedding-store operations and content retrievals as HoneyHive tool
 * events. One instance listens to all three; add it where each is built:
 *
 * <pre>{@code
 * HoneyHiveRetrievalListener listener = HoneyHiveRetrievalListener.create(hh);
 * EmbeddingModel embeddings = OpenAiEmbeddingModel.builder()...build().addListener(listener);
 * EmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<TextSegment>().addListener(listener);
 * ContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
 *     .embeddingModel(embeddings).embeddingStore(store).build()
 *     .addListener(listener);
 * }</pre>
 * ({@code addListener} returns a wrapper that notifies the listener: use what it returns.)
 *
 * <p><b>Events.</b>
 * <ul>
 *   <li>An embedding call: a tool event named after the model ({@code embedding} when unknown), with
 *       {@code config.model}/{@code config.provider}, {@code inputs.count} and {@code inputs.texts},
 *       {@code outputs.embeddings} (how many) and {@code outputs.dimension} (never the vectors), and
 *       {@code metadata.prompt_tokens}/{@code total_tokens}.</li>
 *   <li>A store operation: {@code embedding-store.search} with {@code inputs.query}, {@code config.max_results},
 *       {@code min_score}, {@code filter}, and {@code outputs.matches} (id, score, text); other operations as
 *       {@code embedding-store.add}, {@code add_all}, {@code remove}, {@code remove_all}, {@code remove_all_ids},
 *       {@code remove_all_filter}. {@code config.store} names the store's class.</li>
 *   <li>A retrieval: {@code retrieval} with {@code inputs.query}, {@code config.retriever}, and
 *       {@code outputs.count}/{@code outputs.contents}.</li>
 * </ul>
 * {@code config.store} and {@code config.retriever} are left out when LangChain4j passes its own listening wrapper
 * (what {@code addListener} returns) instead of the store or retriever behind it.
 * All carry {@code metadata.operation} ({@code embeddings}, {@code vector_store}, {@code retrieval}).
 *
 * <p><b>Nesting.</b> The embedding and store calls a retriever makes nest under its retrieval event; a retrieval
 * nests under the AI-service chain of {@link HoneyHiveAiServiceListener} when it runs in one (a RAG-augmented AI
 * service), else under the client's current scope, else in a session of its own ({@code langchain4j-retrieval}),
 * ended with the call.
 *
 * <p><b>Failures.</b> Nothing the listener does throws into the call: a failure is logged at WARN with its exception
 * type only. An error of the call itself is recorded on its event. Thread-safe.
 */
public final class HoneyHiveRetrievalListener
    implements EmbeddingModelListener, EmbeddingStoreListener, ContentRetrieverListener {
  private final RetrievalCalls calls;
  private final Capture capture;

  private HoneyHiveRetrievalListener(HoneyHive hh, Capture capture) {
    this.calls = new RetrievalCalls(hh);
    this.capture = capture;
  }

  /**
   * Returns a listener that records content (texts, queries, matches), not redacted.
   *
   * @param hh the client the events are sent with; the listener does not close it
   * @return the listener
   * @throws NullPointerException if {@code hh} is null
   */
  public static HoneyHiveRetrievalListener create(HoneyHive hh) {
    return create(hh, true, UnaryOperator.identity());
  }

  /**
   * Returns a listener with the given content settings.
   *
   * @param hh the client the events are sent with; the listener does not close it
   * @param captureContent false to record no texts (segment texts, queries, matched texts, error messages), only
   *     counts, ids, scores and settings
   * @param redactor applied to every text before it is recorded; one that throws or returns null makes the listener
   *     record {@code "[redaction failed]"}; must be thread-safe
   * @return the listener
   * @throws NullPointerException if {@code hh} or {@code redactor} is null
   */
  public static HoneyHiveRetrievalListener create(HoneyHive hh, boolean captureContent,
      UnaryOperator<String> redactor) {
    Objects.requireNonNull(hh, "hh == null");
    Objects.requireNonNull(redactor, "redactor == null");
    return new HoneyHiveRetrievalListener(hh, new Capture(captureContent, redactor));
  }

  /**
   * Opens the tool event of an embedding call.
   *
   * @param context the request LangChain4j passes
   */
  @Override
  public void onRequest(EmbeddingModelRequestContext context) {
    Safely.run("embedding onRequest", () -> {
      String model = context.embeddingRequest() != null ? context.embeddingRequest().modelName() : null;
      if (model == null && context.embeddingModel() != null) {
        model = context.embeddingModel().modelName();
      }
      Span span = calls.open(model == null || model.isBlank() ? "embedding" : model, context.attributes(), false);
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("model", model);
      if (context.modelProvider() != null) {
        config.put("provider", context.modelProvider().name().toLowerCase(Locale.ROOT));
      }
      config.values().removeIf(Objects::isNull);
      span.config(config)
          .inputs(RetrievalMapping.segments(context.textSegments(), capture))
          .metadata(Map.of("operation", "embeddings"));
    });
  }

  /**
   * Records the embeddings' count, dimension and token usage, and ends the event.
   *
   * @param context the response LangChain4j passes
   */
  @Override
  public void onResponse(EmbeddingModelResponseContext context) {
    Safely.run("embedding onResponse", () -> calls.close(context.attributes(), span -> {
      span.outputs(RetrievalMapping.embeddings(context.response()));
      if (context.response() != null) {
        Map<String, Object> usage = RetrievalMapping.usage(context.response().tokenUsage());
        if (!usage.isEmpty()) {
          span.metadata(usage);
        }
      }
    }));
  }

  /**
   * Records the error and ends the event.
   *
   * @param context the error LangChain4j passes
   */
  @Override
  public void onError(EmbeddingModelErrorContext context) {
    Safely.run("embedding onError", () -> failed(context.error(), context.attributes()));
  }

  /**
   * Opens the tool event of an embedding-store operation.
   *
   * @param context the operation LangChain4j passes
   */
  @Override
  public void onRequest(EmbeddingStoreRequestContext<?> context) {
    Safely.run("embedding store onRequest", () -> {
      String operation = operation(context);
      Span span = calls.open("embedding-store." + operation, context.attributes(), false);
      Map<String, Object> config = new LinkedHashMap<>();
      RetrievalMapping.putIfSet(config, "store", RetrievalMapping.simpleName(context.embeddingStore()));
      if (context instanceof EmbeddingStoreRequestContext.Search<?> search) {
        config.putAll(RetrievalMapping.searchConfig(search.searchRequest()));
        String query = search.searchRequest() == null ? null : capture.text(search.searchRequest().query());
        if (query != null) {
          span.inputs(Map.of("query", query));
        }
      } else if (context instanceof EmbeddingStoreRequestContext.AddAll<?> addAll && addAll.embeddings() != null) {
        span.inputs(Map.of("count", addAll.embeddings().size()));
      }
      span.config(config).metadata(Map.of("operation", "vector_store"));
    });
  }

  /**
   * Records a search's matches and ends the event.
   *
   * @param context the result LangChain4j passes
   */
  @Override
  public void onResponse(EmbeddingStoreResponseContext<?> context) {
    Safely.run("embedding store onResponse", () -> calls.close(context.attributes(), span -> {
      if (context instanceof EmbeddingStoreResponseContext.Search<?> search) {
        span.outputs(RetrievalMapping.matches(search.searchResult(), capture));
      }
    }));
  }

  /**
   * Records the error and ends the event.
   *
   * @param context the error LangChain4j passes
   */
  @Override
  public void onError(EmbeddingStoreErrorContext<?> context) {
    Safely.run("embedding store onError", () -> failed(context.error(), context.attributes()));
  }

  /**
   * Opens the tool event of a retrieval; the embedding and store calls it makes nest under it.
   *
   * @param context the query LangChain4j passes
   */
  @Override
  public void onRequest(ContentRetrieverRequestContext context) {
    Safely.run("retriever onRequest", () -> {
      Span span = calls.open("retrieval", context.attributes(), true);
      String retriever = RetrievalMapping.simpleName(context.contentRetriever());
      if (retriever != null) {
        span.config(Map.of("retriever", retriever));
      }
      span.metadata(Map.of("operation", "retrieval"));
      String query = context.query() == null ? null : capture.text(context.query().text());
      if (query != null) {
        span.inputs(Map.of("query", query));
      }
    });
  }

  /**
   * Records what was retrieved and ends the event.
   *
   * @param context the contents LangChain4j passes
   */
  @Override
  public void onResponse(ContentRetrieverResponseContext context) {
    Safely.run("retriever onResponse", () -> calls.close(context.attributes(),
        span -> span.outputs(RetrievalMapping.contents(context.contents(), capture))));
  }

  /**
   * Records the error and ends the event.
   *
   * @param context the error LangChain4j passes
   */
  @Override
  public void onError(ContentRetrieverErrorContext context) {
    Safely.run("retriever onError", () -> failed(context.error(), context.attributes()));
  }

  private void failed(Throwable error, Map<Object, Object> attributes) {
    calls.close(attributes, span -> span.error(capture.describe(error)));
  }

  private static String operation(EmbeddingStoreRequestContext<?> context) {
    String type = context.getClass().getSimpleName(); // Add, AddAll, Remove, RemoveAll, RemoveAllIds, Search ...
    return type.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}

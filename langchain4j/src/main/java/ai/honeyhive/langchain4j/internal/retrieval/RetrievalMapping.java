package ai.honeyhive.langchain4j.internal.retrieval;

import ai.honeyhive.langchain4j.internal.support.Capture;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure conversions of LangChain4j's embedding, store and retrieval values into HoneyHive event fields. */
public final class RetrievalMapping {
  private RetrievalMapping() {}

  /** {@code texts}: the segments' texts as captured (none when content capture is off). */
  public static Map<String, Object> segments(List<TextSegment> segments, Capture capture) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    if (segments == null) {
      return inputs;
    }
    inputs.put("count", segments.size());
    if (capture.content()) {
      List<String> texts = new ArrayList<>(segments.size());
      for (TextSegment segment : segments) {
        texts.add(segment == null ? null : capture.text(segment.text()));
      }
      inputs.put("texts", texts);
    }
    return inputs;
  }

  /** How many vectors came back and their dimension; never the vectors themselves. */
  public static Map<String, Object> embeddings(Response<List<Embedding>> response) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    List<Embedding> embeddings = response == null ? null : response.content();
    if (embeddings != null) {
      outputs.put("embeddings", embeddings.size());
      if (!embeddings.isEmpty() && embeddings.get(0) != null) {
        outputs.put("dimension", embeddings.get(0).dimension());
      }
    }
    return outputs;
  }

  /** Token counts of an embedding call, under the keys the model events use. */
  public static Map<String, Object> usage(TokenUsage usage) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (usage != null) {
      putIfSet(metadata, "prompt_tokens", usage.inputTokenCount());
      putIfSet(metadata, "total_tokens", usage.totalTokenCount());
    }
    return metadata;
  }

  /** The search's query text (captured) and limits. */
  public static Map<String, Object> searchConfig(EmbeddingSearchRequest request) {
    Map<String, Object> config = new LinkedHashMap<>();
    if (request != null) {
      config.put("max_results", request.maxResults());
      config.put("min_score", request.minScore());
      if (request.filter() != null) {
        config.put("filter", String.valueOf(request.filter()));
      }
    }
    return config;
  }

  /** The matches of a search: id and score, and the text when the stored value is a segment and capture is on. */
  public static Map<String, Object> matches(EmbeddingSearchResult<?> result, Capture capture) {
    List<Object> matches = new ArrayList<>();
    if (result != null && result.matches() != null) {
      for (EmbeddingMatch<?> match : result.matches()) {
        Map<String, Object> one = new LinkedHashMap<>();
        putIfSet(one, "id", match.embeddingId());
        putIfSet(one, "score", match.score());
        if (match.embedded() instanceof TextSegment segment) {
          putIfSet(one, "text", capture.text(segment.text()));
        }
        matches.add(one);
      }
    }
    return Map.of("matches", matches);
  }

  /** The contents a retriever returned: their texts when capture is on, else only how many. */
  public static Map<String, Object> contents(List<Content> contents, Capture capture) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    int count = contents == null ? 0 : contents.size();
    outputs.put("count", count);
    if (capture.content() && contents != null) {
      List<String> texts = new ArrayList<>(count);
      for (Content content : contents) {
        TextSegment segment = content == null ? null : content.textSegment();
        texts.add(segment == null ? null : capture.text(segment.text()));
      }
      outputs.put("contents", texts);
    }
    return outputs;
  }

  /**
   * A class's simple name, for naming stores and retrievers (anonymous classes: the name of what they extend); null
   * for null and for LangChain4j's own listening wrappers, whose names say nothing of what they wrap.
   */
  public static String simpleName(Object value) {
    if (value == null) {
      return null;
    }
    Class<?> type = value.getClass();
    while (type.isAnonymousClass() && type.getSuperclass() != null) {
      type = type.getSuperclass();
    }
    boolean wrapper = type.getName().startsWith("dev.langchain4j.") && type.getSimpleName().startsWith("Listening");
    return wrapper ? null : type.getSimpleName();
  }

  /** Puts {@code value} under {@code key} unless it is null. */
  public static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}

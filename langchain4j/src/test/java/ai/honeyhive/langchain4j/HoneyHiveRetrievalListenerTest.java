package ai.honeyhive.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.CurrentScope;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // try (CurrentScope scope = ...) only scopes the current session
class HoneyHiveRetrievalListenerTest {
  interface Assistant {
    String chat(String question);
  }

  private static final List<TextSegment> FACTS = List.of(TextSegment.from("Paris is in France."),
      TextSegment.from("Berlin is in Germany."), TextSegment.from("Rome is in Italy."));

  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();
  private final HoneyHive hh = server.clientBuilder().shutdownHook(false).build();
  private final FakeOpenAi openAi = new FakeOpenAi();

  HoneyHiveRetrievalListenerTest() {
    server.flushBeforeQueries(hh);
  }

  @AfterEach
  void close() throws Exception {
    hh.close();
    server.close();
    openAi.close();
  }

  private EmbeddingModel embeddings(HoneyHiveRetrievalListener listener) {
    return OpenAiEmbeddingModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test-not-a-real-key")
        .modelName("text-embedding-3-small").maxRetries(0).build().addListener(listener);
  }

  /** A store already holding the three facts (added without the listener), then listened to. */
  private static EmbeddingStore<TextSegment> filledStore(HoneyHiveRetrievalListener listener) {
    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    store.addAll(List.of(Embedding.from(new float[] {1, 0, 0}), Embedding.from(new float[] {0, 1, 0}),
        Embedding.from(new float[] {0, 0, 1})), FACTS);
    return store.addListener(listener);
  }

  private ContentRetriever retriever(HoneyHiveRetrievalListener listener) {
    return EmbeddingStoreContentRetriever.builder().embeddingModel(embeddings(listener))
        .embeddingStore(filledStore(listener)).maxResults(1).build().addListener(listener);
  }

  private StoredEvent only(Predicate<StoredEvent> which) {
    List<StoredEvent> found = server.eventsOfType("tool").stream().filter(which).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private StoredEvent named(String name) {
    return only(event -> name.equals(event.eventName()));
  }

  @Test
  void ingestionAndRetrievalAreToolEventsWithTheEmbeddingAndSearchNestedUnderTheRetrieval() {
    HoneyHiveRetrievalListener listener = HoneyHiveRetrievalListener.create(hh);
    openAi.embeds(3).embeds(1);
    Session session = hh.session("rag").start();
    List<Content> found;
    try (CurrentScope scope = session.makeCurrent()) {
      EmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<TextSegment>().addListener(listener);
      EmbeddingModel model = embeddings(listener);
      store.addAll(model.embedAll(FACTS).content(), FACTS);
      found = EmbeddingStoreContentRetriever.builder().embeddingModel(model).embeddingStore(store).maxResults(1)
          .build().addListener(listener).retrieve(Query.from("Where is Paris?"));
    }
    session.end();

    assertThat(found).extracting(content -> content.textSegment().text()).containsExactly("Paris is in France.");
    assertThat(server.sessionTree(session.sessionId()).outline()).isEqualTo(
        "session \"rag\"\n"
            + "├── tool \"text-embedding-3-small\"\n"
            + "├── tool \"embedding-store.add_all\"\n"
            + "└── tool \"retrieval\"\n"
            + "    ├── tool \"text-embedding-3-small\"\n"
            + "    └── tool \"embedding-store.search\"\n");

    StoredEvent ingest = only(event -> "text-embedding-3-small".equals(event.eventName())
        && Integer.valueOf(3).equals(((Number) event.inputs().get("count")).intValue()));
    assertThat(ingest.config()).containsEntry("model", "text-embedding-3-small").containsEntry("provider", "open_ai");
    assertThat(ingest.inputs()).containsEntry("texts", FACTS.stream().map(TextSegment::text).toList());
    assertThat(ingest.outputs()).containsEntry("embeddings", 3).containsEntry("dimension", 3);
    assertThat(ingest.metadata()).containsEntry("prompt_tokens", 12).containsEntry("total_tokens", 12)
        .containsEntry("operation", "embeddings");
    assertThat(named("embedding-store.add_all").inputs()).containsEntry("count", 3);
    assertThat(named("embedding-store.add_all").config()).doesNotContainKey("store"); // LangChain4j's wrapper

    StoredEvent search = named("embedding-store.search");
    assertThat(search.config()).containsEntry("max_results", 1).containsEntry("min_score", 0.0);
    assertThat(search.outputs().get("matches")).asList().singleElement().asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("text", "Paris is in France.").containsEntry("score", 1.0).containsKey("id");
    StoredEvent retrieval = named("retrieval");
    assertThat(retrieval.inputs()).containsEntry("query", "Where is Paris?");
    assertThat(retrieval.outputs()).containsEntry("count", 1)
        .containsEntry("contents", List.of("Paris is in France."));
    assertThat(retrieval.config()).isNullOrEmpty(); // LangChain4j passes its listening wrapper, not the retriever
    assertThat(retrieval.metadata()).containsEntry("operation", "retrieval");
  }

  @Test
  void retrievalInARagAiServiceNestsUnderItsChainBeforeTheModelCall() {
    HoneyHiveRetrievalListener listener = HoneyHiveRetrievalListener.create(hh);
    HoneyHiveAiServiceListener services = HoneyHiveAiServiceListener.create(hh);
    openAi.embeds(1).answers("Paris is in France.");
    ChatModel chat = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test-not-a-real-key")
        .modelName("gpt-4o-mini").maxRetries(0).listeners(List.of(HoneyHiveChatModelListener.create(hh))).build();
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(chat).contentRetriever(retriever(listener))
        .registerListeners(services.listeners()).build();

    assertThat(assistant.chat("Where is Paris?")).isEqualTo("Paris is in France.");

    StoredEvent chain = server.eventsOfType("chain").get(0);
    assertThat(server.sessionTree(chain.sessionId()).outline()).isEqualTo(
        "session \"Assistant.chat\"\n"
            + "└── chain \"Assistant.chat\"\n"
            + "    ├── tool \"retrieval\"\n"
            + "    │   ├── tool \"text-embedding-3-small\"\n"
            + "    │   └── tool \"embedding-store.search\"\n"
            + "    └── model \"gpt-4o-mini\"\n");
    // the retrieved text reached the model's prompt, which the model event records
    assertThat(server.eventsOfType("model").get(0).inputs().toString()).contains("Paris is in France.");
  }

  @Test
  void contentCaptureOffKeepsCountsIdsAndScoresButNoText() {
    HoneyHiveRetrievalListener listener = HoneyHiveRetrievalListener.create(hh, false, text -> text);
    openAi.embeds(1);
    List<Content> found = retriever(listener).retrieve(Query.from("Where is Paris?"));

    assertThat(found).hasSize(1);
    assertThat(server.eventsOfType("tool")).hasSize(3).allSatisfy(event -> {
      assertThat(event.toMap().toString()).doesNotContain("Paris").doesNotContain("France");
    });
    assertThat(named("retrieval").outputs()).isEqualTo(Map.of("count", 1));
    assertThat(named("embedding-store.search").outputs().get("matches")).asList().singleElement().asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("score", 1.0).doesNotContainKey("text");
  }

  @Test
  void redactorAppliesToSegmentsQueriesAndMatches() {
    HoneyHiveRetrievalListener listener = HoneyHiveRetrievalListener.create(hh, true,
        text -> text.replace("Paris", "[city]"));
    openAi.embeds(1);
    retriever(listener).retrieve(Query.from("Where is Paris?"));

    assertThat(named("retrieval").inputs()).containsEntry("query", "Where is [city]?");
    assertThat(named("retrieval").outputs()).containsEntry("contents", List.of("[city] is in France."));
    assertThat(server.events().toString()).doesNotContain("Paris");
  }

  @Test
  void failedEmbeddingEndsBothEventsWithTheErrorInASessionOfTheirOwnAndStillThrows() {
    HoneyHiveRetrievalListener listener = HoneyHiveRetrievalListener.create(hh);
    openAi.fails(500);

    assertThatThrownBy(() -> retriever(listener).retrieve(Query.from("Where is Paris?")))
        .isInstanceOf(RuntimeException.class);

    StoredEvent retrieval = named("retrieval");
    StoredEvent embedding = named("text-embedding-3-small");
    assertThat(retrieval.error()).startsWith("dev.langchain4j.");
    assertThat(embedding.error()).startsWith("dev.langchain4j.").contains("The server had an error");
    assertThat(embedding.parentId()).isEqualTo(retrieval.eventId());
    assertThat(server.sessionTree(retrieval.sessionId()).outline()).isEqualTo(
        "session \"langchain4j-retrieval\"\n"
            + "└── tool \"retrieval\"\n"
            + "    └── tool \"text-embedding-3-small\"\n");
    StoredEvent sessionEvent = server.eventsOfType("session").stream()
        .filter(event -> event.sessionId().equals(retrieval.sessionId())).findFirst().orElseThrow();
    assertThat(sessionEvent.durationMillis()).isNotNull();
  }
}

package fr.atlas.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.AsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

@WebIntegrationTest
class RequestMetadataPropagationIntegrationTests {

	@Autowired
	AsyncTaskExecutor applicationTaskExecutor;

	@AfterEach
	void clear() {
		RequestMetadata.clear();
	}

	@Test
	void asynchronousWorkKeepsTheCorrelationIdOfTheRequestThatStartedIt() throws Exception {
		RequestMetadata.bind(new RequestMetadata("corr-async-1", "127.0.0.1", null, "someone@example.test"));
		CompletableFuture<String> seen = this.applicationTaskExecutor.submitCompletable(
				() -> RequestMetadata.current().correlationId() + "/" + RequestMetadata.current().actorLabel());
		assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("corr-async-1/someone@example.test");
	}

}

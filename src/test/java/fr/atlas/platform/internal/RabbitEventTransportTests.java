package fr.atlas.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import fr.atlas.cases.CaseCreated;
import fr.atlas.cases.CaseId;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.RequestMetadata;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.OrganisationCreated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.modulith.events.RoutingTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class RabbitEventTransportTests {

	static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

	static final OrgId ORG = OrgId.of("0198c2a4-1111-7000-8000-000000000001");

	static final RoutingTarget CASES = RoutingTarget.forTarget("atlas.events").andKey("cases.CaseCreated");

	JsonMapper json = JsonMapper.builder().build();

	RabbitTemplate rabbit = mock(RabbitTemplate.class);

	ConnectionFactory connections = mock(ConnectionFactory.class);

	RabbitEventTransport transport = new RabbitEventTransport(this.rabbit, EventJson.mapper(this.json),
			Clock.fixed(NOW, ZoneOffset.UTC));

	CaseCreated event = new CaseCreated(ORG, CaseId.of(UUID.fromString("0198c2a4-3333-7000-8000-000000000003")),
			"LEAD_ACHAT", "LA-2026-0001", "NEW");

	@AfterEach
	void clear() {
		RequestMetadata.clear();
	}

	@Test
	void buildsAPersistentJsonMessageNamingTheOrganisationAndTheEvent() {
		var properties = this.transport.message(this.event, CASES).getMessageProperties();
		assertThat(properties.getContentType()).isEqualTo("application/json");
		assertThat(properties.getContentEncoding()).isEqualTo("UTF-8");
		assertThat(properties.getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
		assertThat(properties.getType()).isEqualTo("cases.CaseCreated");
		assertThat(properties.getAppId()).isEqualTo("atlas");
		assertThat(properties.getTimestamp().toInstant()).isEqualTo(NOW);
		assertThat(properties.getMessageId()).isNotBlank();
		assertThat(properties.<String>getHeader("atlas-org-id")).isEqualTo(ORG.value().toString());
		assertThat(properties.<String>getHeader("atlas-event-type")).isEqualTo("CaseCreated");
		assertThat(properties.getCorrelationId()).isNull();
		assertThat(properties.getHeaders()).doesNotContainKey("atlas-correlation-id");
	}

	@Test
	void carriesTheCorrelationIdOfTheRequestThatCausedIt() {
		RequestMetadata.bind(new RequestMetadata("corr-rabbit-1", "127.0.0.1", null, null));
		var properties = this.transport.message(this.event, CASES).getMessageProperties();
		assertThat(properties.getCorrelationId()).isEqualTo("corr-rabbit-1");
		assertThat(properties.<String>getHeader("atlas-correlation-id")).isEqualTo("corr-rabbit-1");
	}

	@Test
	void writesTypedIdsAsPlainValues() {
		UserId owner = UserId.of("0198c2a4-2222-7000-8000-000000000002");
		Message message = this.transport.message(
				new OrganisationCreated(ORG, "Agence du Port", owner, "o@example.test"),
				RoutingTarget.forTarget("atlas.events").andKey("tenancy.OrganisationCreated"));
		Map<String, Object> body = this.json.readValue(message.getBody(), Map.class);
		assertThat(body).containsEntry("orgId", ORG.value().toString())
			.containsEntry("ownerId", owner.value().toString())
			.containsEntry("name", "Agence du Port")
			.containsEntry("ownerEmail", "o@example.test");
		assertThat((Map<String, Object>) this.json.readValue(this.transport.message(this.event, CASES).getBody(),
				Map.class))
			.containsEntry("caseId", "0198c2a4-3333-7000-8000-000000000003")
			.containsEntry("reference", "LA-2026-0001");
	}

	@Test
	void sendsToTheExchangeWithTheRoutingKey() {
		given(this.rabbit.getConnectionFactory()).willReturn(this.connections);
		this.transport.externalize(this.event, CASES);
		verify(this.rabbit).send(eq("atlas.events"), eq("cases.CaseCreated"), any(Message.class));
	}

	@Test
	void failsWhenTheBrokerRefusesTheMessage() {
		given(this.rabbit.getConnectionFactory()).willReturn(this.connections);
		given(this.connections.isPublisherConfirms()).willReturn(true);
		willAnswer((invocation) -> invocation.<CorrelationData>getArgument(3)
			.getFuture()
			.complete(new CorrelationData.Confirm(false, "no space left"))).given(this.rabbit)
			.send(eq("atlas.events"), eq("cases.CaseCreated"), any(Message.class), any(CorrelationData.class));
		assertThatExceptionOfType(AmqpException.class).isThrownBy(() -> this.transport.externalize(this.event, CASES))
			.withMessageContaining("no space left");
	}

	@Test
	void succeedsOnceTheBrokerConfirmed() {
		given(this.rabbit.getConnectionFactory()).willReturn(this.connections);
		given(this.connections.isPublisherConfirms()).willReturn(true);
		willAnswer((invocation) -> invocation.<CorrelationData>getArgument(3)
			.getFuture()
			.complete(new CorrelationData.Confirm(true, null))).given(this.rabbit)
			.send(eq("atlas.events"), eq("cases.CaseCreated"), any(Message.class), any(CorrelationData.class));
		assertThat(this.transport.externalize(this.event, CASES)).isCompleted();
	}

}

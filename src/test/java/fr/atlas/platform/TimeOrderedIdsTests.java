package fr.atlas.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTests {

	@Test
	void areVersionSevenWithTheTimeFirst() {
		long before = System.currentTimeMillis();
		UUID id = TimeOrderedIds.next();
		long after = System.currentTimeMillis();
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after + 1);
	}

	@Test
	void increaseInTheOrderPostgresqlSortsThem() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			ids.add(TimeOrderedIds.next());
		}
		assertThat(new HashSet<>(ids)).hasSize(ids.size());
		// PostgreSQL compares uuids as unsigned bytes; the time bits are positive for
		// millennia, so signed comparison of the high halves gives the same order
		for (int i = 1; i < ids.size(); i++) {
			assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
		}
	}

	@Test
	void layOutTheFieldsOfTheStandard() {
		UUID id = TimeOrderedIds.of(0x0189_7A5C_3E4DL, 0xABC, -1L);
		assertThat(id).hasToString("01897a5c-3e4d-7abc-bfff-ffffffffffff");
	}

}

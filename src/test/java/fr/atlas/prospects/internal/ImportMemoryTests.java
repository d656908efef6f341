package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImportMemoryTests {

	private static final long MB = 1L << 20;

	private final RowNormaliser normaliser = new RowNormaliser(
			ColumnMapping.detect(List.of("Raison sociale", "E-mail"), Map.of()));

	@Test
	void jobsShareTheBudgetAndGiveBackWhatTheyHeld() {
		ImportMemory memory = new ImportMemory(100 * MB);
		ImportMemory.Lease first = memory.lease();
		ImportMemory.Lease second = memory.lease();
		first.cover(60 * MB);
		assertThatExceptionOfType(ImportMemory.Exhausted.class).isThrownBy(() -> second.cover(50 * MB));
		second.cover(30 * MB);
		assertThat(memory.reserved()).isBetween(90 * MB, 100 * MB);

		first.close();
		second.cover(90 * MB);
		second.close();
		assertThat(memory.reserved()).isZero();
	}

	@Test
	void reservesAheadOnlyWhatTheBudgetLeaves() {
		ImportMemory memory = new ImportMemory(10 * MB);
		try (ImportMemory.Lease lease = memory.lease()) {
			lease.cover(1);
			assertThat(memory.reserved()).as("one step ahead").isEqualTo(8 * MB);
			lease.cover(9 * MB);
			assertThat(memory.reserved()).as("exactly what is needed near the end").isEqualTo(9 * MB);
			lease.cover(10 * MB);
			assertThatExceptionOfType(ImportMemory.Exhausted.class).isThrownBy(() -> lease.cover(10 * MB + 1));
		}
		assertThat(memory.reserved()).isZero();
	}

	@Test
	void aPoolCountsWhatItsAgenciesAndIndexesHold() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		long empty = pool.footprint();
		for (int i = 0; i < 10_000; i++) {
			pool.decide(this.normaliser
				.normalise(new SourceRow(i + 1, List.of("Agence Numéro " + i, "contact@agence" + i + ".fr"), "", null))
				.agency());
		}
		long full = pool.footprint();
		// a name, an e-mail hash, two identity keys: a few hundred bytes an agency
		assertThat((full - empty) / 10_000).isBetween(150L, 1_000L);
	}

}

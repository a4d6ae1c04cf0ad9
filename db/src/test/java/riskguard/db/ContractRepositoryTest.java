package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractRepositoryTest {

    private static final Instant FETCHED = Instant.parse("2026-11-24T14:00:00Z");

    @TempDir
    Path dir;

    private final ContractRow es = new ContractRow("CON.F.US.EP.Z25", "ESZ5", "E-mini S&P 500: December 2025",
            0.25, 12.50, "F.US.EP", true, FETCHED);
    private final ContractRow nq = new ContractRow("CON.F.US.ENQ.H25", "NQH5", null, 0.25, 5.0, "F.US.ENQ", false, FETCHED);

    @Test
    void cachedContractsSurviveAReopen() {
        Path file = dir.resolve("riskguard.db");
        try (Database database = Database.open(file)) {
            ContractRepository contracts = new ContractRepository(database);
            contracts.upsert(nq);
            contracts.upsert(es);
        }
        try (Database database = Database.open(file)) {
            ContractRepository contracts = new ContractRepository(database);
            assertThat(contracts.find("CON.F.US.EP.Z25")).contains(es);
            assertThat(contracts.find("CON.F.US.MNQ.Z25")).isEmpty();
            assertThat(contracts.all()).as("by contract id").containsExactly(nq, es);
        }
    }

    @Test
    void aNewerFetchReplacesTheCachedOne() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            ContractRepository contracts = new ContractRepository(database);
            contracts.upsert(es);
            ContractRow refetched = new ContractRow(es.contractId(), "ESZ5", "E-mini S&P 500", 0.25, 12.50,
                    "F.US.EP", false, FETCHED.plusSeconds(3600));
            contracts.upsert(refetched);

            assertThat(contracts.find(es.contractId())).contains(refetched);
        }
    }

    @Test
    void aContractWithoutTickSizeIsRefusedByName() {
        assertThatThrownBy(() -> new ContractRow("CON.F.US.BAD.Z25", "BADZ5", null, 0, 12.5, null, true, FETCHED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CON.F.US.BAD.Z25");
    }
}

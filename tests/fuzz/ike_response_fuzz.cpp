// libFuzzer target: the IKE_SA_INIT response parser on arbitrary datagrams (scripts/fuzz.sh).
// The initiator SPI is taken from the input itself so most inputs get past the SPI check.
#include "model/ike_message.hpp"
#include "model/ike_offer.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    aovpn::ike::Spi spi{};
    for (std::size_t i = 0; i < spi.size() && i < size; ++i)
        spi[i] = data[i];
    const auto r = aovpn::ike::parseSaInitResponse({data, size}, spi);
    if (r.ok && r.value.chosen) {
        // What the report does with an accepted SA.
        (void)aovpn::ike::describeTransforms(*r.value.chosen);
        (void)aovpn::ike::describeChosen(aovpn::ike::chosenInSuiteTerms(*r.value.chosen));
    }
    return 0;
}

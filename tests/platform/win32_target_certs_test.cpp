// The certificate picker lists the TARGET user's store (issue 9 §1): an elevated admin or SYSTEM
// in alice's session reads HKEY_USERS\<alice's SID>\...\My, and says whose store it shows. Under
// Wine, this process's own SID stands in for "another user" (its hive is HKEY_USERS\<SID>).
#ifdef _WIN32
#include "platform/cert_filter.hpp"

#include "win32/cert_store_win32.hpp"
#include "win32/session_win32.hpp"
#include "win32_test_certs.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace aovpn::platform;
using namespace aovpn::platform::win;

TEST_CASE("another user's personal store is opened by SID, and the picker says whose it is") {
    Win32Session session;
    auto me = session.query();
    REQUIRE(me);
    aovpn::test::CryptoApiCerts made;
    const std::string t = made.selfSigned(
        {L"AOVPN Target User", -1, 365, true, false, {std::string(kClientAuthOid)}, {}, {}});
    const Account alice{"CORP\\alice", me.value().process.sid}; // the hive we can read here
    Win32CertificateStore store([&] {
        return Win32CertificateStore::Owners{{"CORP\\helpdesk-admin", "S-1-5-21-9-9-9-500"}, alice};
    });
    const StoreOwner owner = store.storeOwner();
    CHECK(owner.account == alice);
    CHECK(owner.description.find("the personal store of CORP\\alice (HKEY_USERS\\" + alice.sid) ==
          0);
    CHECK(owner.description.find("read as CORP\\helpdesk-admin") != std::string::npos);
    auto listed = store.listPersonal();
    if (!listed) MESSAGE(listed.error().describe());
    REQUIRE(listed);
    auto it = std::find_if(listed.value().begin(), listed.value().end(),
                           [&](const CertificateInfo& c) { return c.thumbprint == t; });
    REQUIRE(it != listed.value().end());
    CHECK(it->hasPrivateKey); // the key link is there; another user's key is not opened
    CHECK(it->source == "CORP\\alice: My");

    Win32CertificateStore own([&] {
        return Win32CertificateStore::Owners{me.value().process, me.value().process};
    });
    CHECK(own.storeOwner().description == "CurrentUser\\My of " + me.value().process.name);
}

TEST_CASE("a real certificate without an EKU extension makes the filter AllPurposeEnabled") {
    aovpn::test::CryptoApiCerts made;
    const std::string t = made.selfSigned({L"AOVPN No EKU", -1, 365, true, false, {}, {}, {}});
    const auto listed = makeSystemPlatform()->certificates().listPersonal();
    REQUIRE(listed);
    auto it = std::find_if(listed.value().begin(), listed.value().end(),
                           [&](const CertificateInfo& c) { return c.thumbprint == t; });
    REQUIRE(it != listed.value().end());
    CHECK_FALSE(it->hasEkuExtension); // CryptoAPI read it: no EKU extension at all
    CHECK(it->ekuOids.empty());
    const auto f = certificateFilterFor(*it);
    CHECK(f.allPurposeEnabled == true);
    REQUIRE(f.caHashList);
    CHECK(f.caHashList->issuerHashes.size() == 1);
}
#endif

// doctest's main, plus (Windows) a crash filter: under Wine an unhandled exception starts
// winedbg and the process then exits 0, so a crashing test would pass. The filter prints the code
// and exits 3 instead.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#ifdef _WIN32
#include <cstdio>
#include <windows.h>

namespace {
LONG WINAPI failOnCrash(EXCEPTION_POINTERS* info) {
    std::fprintf(stderr, "test crashed: unhandled exception 0x%08lX at %p\n",
                 info->ExceptionRecord->ExceptionCode, info->ExceptionRecord->ExceptionAddress);
    std::fflush(stderr);
    TerminateProcess(GetCurrentProcess(), 3);
    return EXCEPTION_EXECUTE_HANDLER;
}
} // namespace
#endif

int main(int argc, char** argv) {
#ifdef _WIN32
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
    SetUnhandledExceptionFilter(failOnCrash);
#endif
    return doctest::Context(argc, argv).run();
}

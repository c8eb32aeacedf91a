#pragma once
// (The dial's wait lives in ras_connect.hpp's dialAndWait.)
#include "ras_connect.hpp"

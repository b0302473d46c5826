# The LibreOffice SDK as Debian 12 installs it (package libreoffice-dev): tools, headers, UNO libraries
# and the office's own type registries. Provides kpi::uno_sdk and the KPI_* tool paths.
set(KPI_LO_PROGRAM_DIR "/usr/lib/libreoffice/program" CACHE PATH "LibreOffice program directory")
set(KPI_LO_SDK_DIR "/usr/lib/libreoffice/sdk" CACHE PATH "LibreOffice SDK directory")

find_program(KPI_UNOIDL_WRITE unoidl-write PATHS "${KPI_LO_SDK_DIR}/bin" NO_DEFAULT_PATH REQUIRED)
find_program(KPI_UNOIDL_READ unoidl-read PATHS "${KPI_LO_SDK_DIR}/bin" NO_DEFAULT_PATH REQUIRED)
find_program(KPI_CPPUMAKER cppumaker PATHS "${KPI_LO_SDK_DIR}/bin" NO_DEFAULT_PATH REQUIRED)
find_program(KPI_SYSTEM_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
set(KPI_TYPES_RDB "${KPI_LO_PROGRAM_DIR}/types.rdb")
set(KPI_OFFAPI_RDB "${KPI_LO_PROGRAM_DIR}/types/offapi.rdb")
foreach(file IN ITEMS "${KPI_TYPES_RDB}" "${KPI_OFFAPI_RDB}" "${KPI_LO_SDK_DIR}/include/cppu/macros.hxx")
  if(NOT EXISTS "${file}")
    message(FATAL_ERROR "${file} is missing: install libreoffice-dev (./kpi setup does it)")
  endif()
endforeach()

set(_uno_libs)
foreach(lib IN ITEMS uno_cppuhelpergcc3 uno_cppu uno_sal)
  find_library(KPI_LIB_${lib} NAMES ${lib} PATHS "${KPI_LO_SDK_DIR}/lib" "${KPI_LO_PROGRAM_DIR}"
               NO_DEFAULT_PATH REQUIRED)
  list(APPEND _uno_libs "${KPI_LIB_${lib}}")
endforeach()

add_library(kpi_uno_sdk INTERFACE)
add_library(kpi::uno_sdk ALIAS kpi_uno_sdk)
target_include_directories(kpi_uno_sdk SYSTEM INTERFACE "${KPI_LO_SDK_DIR}/include")
target_compile_definitions(kpi_uno_sdk INTERFACE UNX GCC LINUX CPPU_ENV=gcc3)
target_link_libraries(kpi_uno_sdk INTERFACE ${_uno_libs})

"""ApiContinuationManager: new-style continuation (`continue` + `batchcomplete`).

The `continue` value is `<generator params>||<finished modules>`: `-` once the generator is
done, the names of the generator's own continuation parameters while prop modules still
page through the current batch, and empty when there is no generator.
"""

from __future__ import annotations

from typing import Any


class ContinuationManager:
    def __init__(
        self,
        raw: dict[str, str],
        continue_value: str,
        all_modules: list[str],
        generated_modules: list[str],
        badcontinue: Any,
    ) -> None:
        self.all_modules = list(dict.fromkeys(all_modules))
        self.generated = list(dict.fromkeys(generated_modules))
        self.data: dict[str, dict[str, str]] = {}
        self.generator_data: dict[str, dict[str, str]] = {}
        self.generator_params: dict[str, str] = {}
        self.generator_done = False
        self.skip: set[str] = set()
        if continue_value != "":
            parts = continue_value.split("||")
            if len(parts) != 2:
                raise badcontinue()
            self.generator_done = parts[0] == "-"
            self.skip = {m for m in parts[1].split("|") if m}
            if self.generator_done:
                self.skip |= set(self.generated)
            else:
                for key in filter(None, parts[0].split("|")):
                    if key in raw:
                        self.generator_params[key] = raw[key]

    def is_skipped(self, module: str) -> bool:
        return module in self.skip

    def add_continue(self, module: str, key: str, value: str) -> None:
        self.data.setdefault(module, {})[key] = value

    def add_generator_continue(self, module: str, key: str, value: str) -> None:
        self.generator_data.setdefault(module, {})[key] = value

    def result(self) -> tuple[dict[str, str], bool]:
        """(the `continue` object, or {} when everything is done; batchcomplete)."""
        data: dict[str, str] = {}
        batchcomplete = False
        finished = [m for m in self.all_modules if m not in self.data]
        for module, kv in self.data.items():
            if module not in self.generated:
                data.update(kv)
        generated_open = {m: kv for m, kv in self.data.items() if m in self.generated}
        if generated_open:
            for kv in generated_open.values():
                data.update(kv)
            generator_keys = "|".join(self.generator_params)
            data.update(self.generator_params)
        elif self.generator_data:
            params: dict[str, str] = {}
            for kv in self.generator_data.values():
                params.update(kv)
            data.update(params)
            finished = [m for m in finished if m not in self.generated]
            generator_keys = "|".join(params)
            batchcomplete = True
        else:
            generator_keys = "-"
            batchcomplete = True
        if data or generator_keys != "-":
            data["continue"] = generator_keys + "||" + "|".join(finished)
        return data, batchcomplete

    def legacy_result(self) -> dict[str, dict[str, str]]:
        """`query-continue` for rawcontinue requests."""
        out: dict[str, dict[str, str]] = {}
        for module, kv in {**self.data, **self.generator_data}.items():
            out.setdefault(module, {}).update(kv)
        return out

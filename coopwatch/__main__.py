"""`python -m coopwatch`, and the `coopwatch` executable's entry point.

The command line is imported only when it runs: the enrichment workers, which multiprocessing
starts by importing the parent's main module, then never load click and every command's module
(some 0.1 s each worker).
"""


def main() -> None:
    from coopwatch.cli import main as run_cli

    run_cli()


if __name__ == "__main__":  # not when a worker process imports it
    main()
